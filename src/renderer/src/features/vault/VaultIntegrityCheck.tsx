import { useMutation } from '@tanstack/react-query';
import { restoreFromBackupAdvice } from '@shared/schemas/backup';
import { Button } from '../../components/Button';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { FormError } from '../../components/FormError';
import type { VerifyReport } from '@shared/schemas/vault';

/** Settings: checks every stored document's authentication tags, and names any that fail. */
export function VaultIntegrityCheck() {
  const verify = useMutation({
    mutationFn: (removeLeftovers: boolean) => callApi('vault.verify', { removeLeftovers }),
  });
  const report = verify.data;
  return (
    <fieldset className={formStyles.fieldset}>
      <legend className={formStyles.legend}>Document vault integrity</legend>
      <p>Reads every encrypted document and checks that nothing on disk was changed or lost.</p>
      <div className={formStyles.actions}>
        <Button onClick={() => verify.mutate(false)} disabled={verify.isPending}>
          {verify.isPending ? 'Checking…' : 'Check every document'}
        </Button>
      </div>
      <div aria-live="polite">
        <FormError message={verify.error?.message} />
        {report && report.failures.length === 0 && <p>All {report.checkedFiles} stored files are intact.</p>}
        {report && report.failures.length > 0 && (
          <div className={formStyles.formError} role="alert">
            <p>
              {report.failures.length} of {report.checkedFiles} files failed. {restoreFromBackupAdvice}
            </p>
            <ul>
              {report.failures.map((failure) => (
                <li key={failure.documentId}>
                  {failure.fileName}:{' '}
                  {failure.problem === 'damaged' ? 'damaged (changed on disk)' : 'missing'}
                </li>
              ))}
            </ul>
          </div>
        )}
        {report && <LeftoversNote leftovers={report.leftovers} onRemove={() => verify.mutate(true)} />}
      </div>
    </fieldset>
  );
}

/** What interrupted uploads left (docs/security.md §6): unreadable, so removing them loses nothing. */
function LeftoversNote({
  leftovers,
  onRemove,
}: {
  leftovers: VerifyReport['leftovers'];
  onRemove: () => void;
}) {
  const count = leftovers.filesWithoutRecord + leftovers.recordsWithoutDocument;
  if (count === 0) return null;
  const what =
    count === 1 ? '1 leftover of an interrupted upload' : `${count} leftovers of interrupted uploads`;
  if (leftovers.removed) return <p>Removed {what}.</p>;
  return (
    <>
      <p>
        Found {what} (for example after a crash). Leftovers are encrypted, belong to no document and only take
        space.
      </p>
      <div className={formStyles.actions}>
        <Button onClick={onRemove}>Remove leftovers</Button>
      </div>
    </>
  );
}
