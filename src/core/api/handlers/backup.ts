import type { HandlersOf } from '../../../shared/contract/index';
import type { BackupService } from '../../backup/backup-service';

export function backupHandlers(backups: BackupService): HandlersOf<'backup'> {
  return {
    'backup.status': () => backups.status(),
    'backup.chooseFolder': () => backups.chooseFolder(),
    'backup.create': () => backups.create(),
    'backup.progress': async () => backups.progress(),
    'backup.cancel': async () => {
      backups.cancel();
      return {};
    },
    'backup.list': () => backups.list(),
    'backup.chooseFile': () => backups.chooseFile(),
    'backup.verify': ({ id }) => backups.verify(id),
    'backup.prepareRestore': (input) =>
      backups.prepareRestore(
        input.id,
        'passphrase' in input ? { passphrase: input.passphrase } : { recoveryKey: input.recoveryKey },
      ),
    'backup.restore': () => backups.restore(),
    'backup.discardRestore': async () => {
      await backups.discardRestore();
      return {};
    },
  };
}
