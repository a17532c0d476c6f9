import { describe, expect, it } from 'vitest';
import type { BackupStatus } from '@shared/schemas/backup';
import { backupWarning, describeLastBackup, formatBytes, formatWhen } from './format-backup';

const healthy: BackupStatus = {
  folder: '/Volumes/Backup',
  keep: 10,
  lastBackup: {
    at: new Date().toISOString(),
    name: 'advocase-backup.zip',
    sizeBytes: 2_300_000_000,
    isVerified: true,
  },
  lastFailure: null,
  isOverdue: false,
  running: null,
};

describe('backup sizes', () => {
  it.each([
    [0, '0 bytes'],
    [999, '999 bytes'],
    [1000, '1.0 KB'],
    [840_000, '840 KB'],
    [2_300_000_000, '2.3 GB'],
    [12_000_000_000_000_000, '12000 TB'],
  ])('shows %d bytes as "%s", in the decimal units file managers use', (bytes, shown) => {
    expect(formatBytes(bytes)).toBe(shown);
  });
});

describe('when a backup was made', () => {
  const now = new Date(2026, 2, 10, 15, 0);
  it('says today and yesterday in words, and an older backup by its date', () => {
    expect(formatWhen(new Date(2026, 2, 10, 0, 5).toISOString(), now)).toMatch(/^today /);
    expect(formatWhen(new Date(2026, 2, 9, 23, 55).toISOString(), now)).toMatch(/^yesterday /);
    expect(formatWhen(new Date(2026, 2, 9, 0, 0).toISOString(), now)).toMatch(/^yesterday /);
    const older = formatWhen(new Date(2026, 2, 8, 23, 59).toISOString(), now);
    expect(older).not.toMatch(/today|yesterday/);
    expect(older).toMatch(/2026/);
  });
});

describe('the backup line and warning in Settings', () => {
  it('describes the last backup with its size and whether it was verified', () => {
    expect(describeLastBackup(healthy)).toMatch(/^Last backup: today .+, 2\.3 GB, verified$/);
    expect(
      describeLastBackup({ ...healthy, lastBackup: { ...healthy.lastBackup!, isVerified: false } }),
    ).toMatch(/, not verified$/);
    expect(describeLastBackup({ ...healthy, lastBackup: null })).toBe('No backup yet.');
  });

  it('warns of a failure first, then of no folder, then of an overdue backup; a healthy one gets none', () => {
    expect(backupWarning(healthy)).toBeNull();
    expect(backupWarning({ ...healthy, isOverdue: true })).toMatch(/^No backup in the last day/);
    expect(backupWarning({ ...healthy, folder: null, isOverdue: true })).toMatch(
      /^Backups are off: choose a folder/,
    );
    expect(
      backupWarning({
        ...healthy,
        folder: null,
        isOverdue: true,
        lastFailure: { at: new Date().toISOString(), message: 'The drive is full.' },
      }),
    ).toMatch(/^The last backup failed \(today .+\): The drive is full\.$/);
  });
});
