import { Dialog } from '../../components/Dialog';
import { VaultIntegrityCheck } from '../vault/VaultIntegrityCheck';
import { AuditLogCheck } from '../audit/AuditLogCheck';
import { RotateKeyForm } from '../security/RotateKeyForm';
import { VerificationScriptEditor } from '../verification/VerificationScriptEditor';
import { AdvocateProfileForm } from './AdvocateProfileForm';
import { BackupSettings } from '../backup/BackupSettings';
import { AutoLockForm } from './AutoLockForm';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { TeamSettings } from '../team/TeamSettings';
import { canEditRecords, useTeamConnection } from '../team/use-team-connection';

type Props = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: (announcement: string) => void;
};

export function SettingsDialog({ open, onOpenChange, onSaved }: Props) {
  // A team database has no passphrase or data key of this computer's: those forms are for the local store.
  const connection = useTeamConnection().data;
  const isLocalStore = connection?.store === 'local';
  // The profile, auto-lock and verification script are the team's settings: a viewer may change none.
  const canEdit = canEditRecords(connection);
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Settings">
      <TeamSettings onSaved={onSaved} />
      {canEdit && <AdvocateProfileForm onSaved={onSaved} />}
      {canEdit && <AutoLockForm onSaved={onSaved} />}
      {canEdit && <VerificationScriptEditor onSaved={onSaved} />}
      <VaultIntegrityCheck />
      <AuditLogCheck />
      <BackupSettings onSaved={onSaved} />
      {isLocalStore && <RotateKeyForm />}
      {isLocalStore && (
        <ChangePassphraseForm
          onSaved={(message) => {
            onSaved(message);
            onOpenChange(false);
          }}
        />
      )}
    </Dialog>
  );
}
