import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { payerRequestKindLabels, payerRequestKinds, type PayerRequestKind } from '@shared/schemas/deadlines';
import { withDatesFormatted } from '@shared/domain/dates-in-text';
import { localToday } from '@shared/schemas/fields';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { inputClassName } from '../../components/Field';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import styles from './Deadlines.module.css';
import { formatDue } from './deadline-words';
import { queryKeys } from '../../lib/query-keys';

export function PayerRequestsSection({
  caseId,
  requests,
  canEdit,
  onAnnounce,
}: {
  readonly caseId: number;
  readonly requests: Awaited<ReturnType<typeof callApi<'deadlines.listForCase'>>>['payerRequests'];
  /** False for a team's viewer: the requests are listed, with nothing to record or mark. */
  readonly canEdit: boolean;
  readonly onAnnounce: (message: string) => void;
}) {
  const [kind, setKind] = useState<PayerRequestKind>('claim_file');
  const [sentOn, setSentOn] = useState(localToday());
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const add = useMutation({
    mutationFn: () => callApi('deadlines.addPayerRequest', { caseId, kind, sentOn, note: null }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.deadlines.ofCase(caseId), updated);
      setErrors(noErrors);
      onAnnounce(`${payerRequestKindLabels[kind]} request recorded.`);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['sentOn'])),
  });
  const answer = useMutation({
    mutationFn: (requestId: number) =>
      callApi('deadlines.answerPayerRequest', { requestId, answeredOn: localToday() }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.deadlines.ofCase(caseId), updated);
      onAnnounce('Marked as answered today.');
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }
  return (
    <section className={styles.section} aria-labelledby="payer-requests-title">
      <h2 id="payer-requests-title">Requests the payer must answer</h2>
      {requests.length === 0 && (
        <p className={styles.muted}>
          None recorded. After a denial, ask for the claim file and the criteria used (free of charge).
        </p>
      )}
      <ul className={styles.list}>
        {requests.map((request) => (
          <li key={request.id} className={styles.card} data-status={request.answeredOn ? 'met' : 'open'}>
            <span />
            <div>
              <p className={styles.meaning}>
                <strong>{payerRequestKindLabels[request.kind]}</strong>, sent{' '}
                {formatDue(request.sentOn, null)}
                {request.answeredOn
                  ? ` — answered ${formatDue(request.answeredOn, null)}`
                  : ` — ${request.daysOutstanding} days outstanding; follow up by ${formatDue(request.followUpOn ?? request.sentOn, null)}`}
              </p>
              <p className={styles.computed}>{withDatesFormatted(request.guidance, formatCalendarDate)}</p>
            </div>
            <div className={styles.side}>
              {canEdit && !request.answeredOn && (
                <Button variant="quiet" onClick={() => answer.mutate(request.id)}>
                  Answered today
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {canEdit && (
        <form className={styles.inlineForm} onSubmit={submit} noValidate>
          <label>
            Requested
            <select
              className={inputClassName}
              value={kind}
              onChange={(event) => setKind(event.target.value as PayerRequestKind)}
            >
              {payerRequestKinds.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {payerRequestKindLabels[candidate]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Sent on
            <input
              className={inputClassName}
              type="date"
              value={sentOn}
              aria-invalid={Boolean(errors.fields.sentOn)}
              onChange={(event) => setSentOn(event.target.value)}
            />
          </label>
          <Button type="submit" disabled={add.isPending}>
            Record request
          </Button>
        </form>
      )}
      {(errors.fields.sentOn ?? errors.form) && (
        <p role="alert" className={styles.formError}>
          {errors.fields.sentOn ?? errors.form}
        </p>
      )}
    </section>
  );
}
