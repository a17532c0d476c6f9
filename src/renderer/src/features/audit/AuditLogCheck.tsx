import { useMutation } from '@tanstack/react-query';
import { Button } from '../../components/Button';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';

/** Settings: walks the audit log's hash chain and names the first entry that does not check out. */
export function AuditLogCheck() {
  const verify = useMutation({ mutationFn: () => callApi('audit.verify', {}) });
  const report = verify.data;
  return (
    <fieldset className={formStyles.fieldset}>
      <legend className={formStyles.legend}>Audit log</legend>
      <p>
        Every edit, unlock and export is recorded, each entry sealed to the one before it. Checking shows
        whether any entry was changed or removed outside Advocase.
      </p>
      <div className={formStyles.actions}>
        <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? 'Checking…' : 'Check the audit log'}
        </Button>
      </div>
      <div aria-live="polite">
        <FormError message={verify.error?.message} />
        {report?.isIntact && <p>{report.message}</p>}
        {report && !report.isIntact && (
          <p className={formStyles.formError} role="alert">
            {report.message}
          </p>
        )}
      </div>
    </fieldset>
  );
}
