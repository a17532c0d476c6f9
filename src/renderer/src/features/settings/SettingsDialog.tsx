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
import { useTeamConnection } from '../team/use-team-connection';

type Props = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: (announcement: string) => void;
};

export function SettingsDialog({ open, onOpenChange, onSaved }: Props) {
  // A team database has no passphrase or data key of this computer's: those forms are for the local store.
  const isLocalStore = useTeamConnection().data?.store === 'local';
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Settings">
      <TeamSettings onSaved={onSaved} />
      <AdvocateProfileForm onSaved={onSaved} />
      <AutoLockForm onSaved={onSaved} />
      <VerificationScriptEditor onSaved={onSaved} />
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
