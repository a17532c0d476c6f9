import type { BackupStatus } from '@shared/schemas/backup';
import { formatInstant } from '../../lib/format-date';

const timeFormatter = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** 2.3 GB, 840 KB: decimal units, as file managers show sizes. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "today 09:12", "yesterday 18:40", or the full date in the user's locale. */
export function formatWhen(isoInstant: string, now: Date = new Date()): string {
  const date = new Date(isoInstant);
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  if (date.getTime() >= startOfToday) return `today ${timeFormatter.format(date)}`;
  if (date.getTime() >= startOfToday - 86_400_000) return `yesterday ${timeFormatter.format(date)}`;
  return formatInstant(isoInstant);
}

/** The one line Settings shows: "Last backup: today 09:12, 2.3 GB, verified". */
export function describeLastBackup(status: BackupStatus): string {
  if (!status.lastBackup) return 'No backup yet.';
  const { at, sizeBytes, isVerified } = status.lastBackup;
  return `Last backup: ${formatWhen(at)}, ${formatBytes(sizeBytes)}, ${isVerified ? 'verified' : 'not verified'}`;
}

/** The warning to show, if any: a failure since the last good backup, or none in a day. */
export function backupWarning(status: BackupStatus): string | null {
  if (status.lastFailure) {
    return `The last backup failed (${formatWhen(status.lastFailure.at)}): ${status.lastFailure.message}`;
  }
  if (!status.folder) return 'Backups are off: choose a folder for them, ideally on an external drive.';
  if (status.isOverdue)
    return 'No backup in the last day. Back up now, or keep Advocase open with the drive connected.';
  return null;
}
