import { Dialog } from '../../components/Dialog';
import { VaultIntegrityCheck } from '../vault/VaultIntegrityCheck';
import { AuditLogCheck } from '../audit/AuditLogCheck';
import { RotateKeyForm } from '../security/RotateKeyForm';
import { VerificationScriptEditor } from '../verification/VerificationScriptEditor';
import { AdvocateProfileForm } from './AdvocateProfileForm';
import { BackupSettings } from '../backup/BackupSettings';
import { AutoLockForm } from './AutoLockForm';
import { ChangePassphraseForm } from './ChangePassphraseForm';

type Props = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: (announcement: string) => void;
};

export function SettingsDialog({ open, onOpenChange, onSaved }: Props) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Settings">
      <AdvocateProfileForm onSaved={onSaved} />
      <AutoLockForm onSaved={onSaved} />
      <VerificationScriptEditor onSaved={onSaved} />
      <VaultIntegrityCheck />
      <AuditLogCheck />
      <BackupSettings onSaved={onSaved} />
      <RotateKeyForm />
      <ChangePassphraseForm
        onSaved={(message) => {
          onSaved(message);
          onOpenChange(false);
        }}
      />
    </Dialog>
  );
}
