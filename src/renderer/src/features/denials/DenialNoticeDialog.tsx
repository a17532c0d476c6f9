import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { noticeElementLabels, noticeFindingLabels } from '@shared/domain/notice-element-labels';
import { planTypeLabels, planTypes, type PlanType } from '@shared/domain/plan-types';
import {
  recordDenialInputSchema,
  type ReadDenialDocumentOutput,
  type RecordDenialInput,
} from '@shared/schemas/case-denial-notice';
import {
  denialReasonCategories,
  denialReasonCategoryLabels,
  type AppealWindow,
  type DenialNoticeFindings,
  type NoticeElement,
  type NoticeSource,
} from '@shared/schemas/denial-notice';
import { localToday } from '@shared/schemas/fields';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field, inputClassName } from '../../components/Field';
import { FormError } from '../../components/FormError';
import hiddenStyles from '../../components/VisuallyHidden.module.css';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { refreshCaseViews } from '../cases/refresh-case-views';
import { refreshQueries } from '../../app/query-client';
import { queryKeys } from '../../lib/query-keys';
import { segmentNoticeText, type HighlightSource } from './notice-highlights';
import { recordedMessage } from './recorded-message';
import styles from './Denials.module.css';

type Props = {
  readonly caseId: number;
  readonly documentId: number;
  readonly onClose: () => void;
  readonly onRecorded: (message: string) => void;
};

/** The fields the advocate confirms, as the inputs hold them (text; '' for nothing). */
type Draft = {
  noticeDate: string;
  receivedOn: string;
  referenceNumber: string;
  reasonText: string;
  reasonCategory: string;
  policyCited: string;
  denialCode: string;
  appealAddress: string;
  appealFax: string;
  appealPhone: string;
  windowAmount: string;
  windowUnit: AppealWindow['unit'];
  windowFrom: AppealWindow['from'];
  /** The coverage the notice creates when the case has none ('' for a plan type not chosen). */
  payer: string;
  memberId: string;
  planType: PlanType | '';
};

/** Which found field each input confirms, so its label can point at its words in the notice. */
const sourceFieldOf: Readonly<Partial<Record<keyof Draft, keyof DenialNoticeFindings>>> = {
  noticeDate: 'noticeDate',
  referenceNumber: 'referenceNumber',
  reasonText: 'reasonText',
  reasonCategory: 'reasonCategory',
  policyCited: 'policyCited',
  denialCode: 'denialCode',
  appealAddress: 'appealAddress',
  appealFax: 'appealFax',
  appealPhone: 'appealPhone',
  windowAmount: 'appealWindow',
  payer: 'payer',
  memberId: 'memberId',
};

/** Read from the notice and shown for checking; the case keeps these elsewhere (client, coverage, provider). */
const alsoRead = [
  ['payer', 'Payer'],
  ['memberId', 'Member ID'],
  ['service', 'Service denied'],
  ['datesOfService', 'Dates of service'],
  ['requestingProvider', 'Requesting provider'],
  ['expeditedOffered', 'Expedited review offered'],
] as const;

/** True when the case has a coverage linked: the notice was checked under its plan type. */
function caseHasCoverage(read: ReadDenialDocumentOutput): boolean {
  return read.planTypeFrom === 'coverage' || read.planTypeFrom === 'asked';
}

function draftFrom(read: ReadDenialDocumentOutput): Draft {
  const { findings } = read;
  const window = findings.appealWindow?.value;
  return {
    noticeDate: findings.noticeDate?.value ?? '',
    receivedOn: localToday(),
    referenceNumber: findings.referenceNumber?.value ?? '',
    reasonText: findings.reasonText?.value ?? '',
    reasonCategory: findings.reasonCategory?.value ?? '',
    policyCited: findings.policyCited?.value ?? '',
    denialCode: findings.denialCode?.value ?? '',
    appealAddress: findings.appealAddress?.value ?? '',
    appealFax: findings.appealFax?.value ?? '',
    appealPhone: findings.appealPhone?.value ?? '',
    windowAmount: window ? String(window.amount) : '',
    windowUnit: window?.unit ?? 'days',
    windowFrom: window?.from ?? 'unknown',
    payer: findings.payer?.value ?? '',
    memberId: findings.memberId?.value ?? '',
    // The kind of plan the notice names is offered; an assumed one is not (the advocate chooses).
    planType: read.planTypeFrom === 'notice' ? read.noticeCheck.planType : '',
  };
}

function recordInput(caseId: number, read: ReadDenialDocumentOutput, draft: Draft): RecordDenialInput {
  const amount = Number(draft.windowAmount);
  return {
    caseId,
    documentId: read.documentId,
    noticeDate: draft.noticeDate,
    receivedOn: draft.receivedOn,
    referenceNumber: draft.referenceNumber,
    reasonText: draft.reasonText,
    reasonCategory: (draft.reasonCategory || null) as RecordDenialInput['reasonCategory'],
    policyCited: draft.policyCited,
    denialCode: draft.denialCode,
    appealAddress: draft.appealAddress,
    appealFax: draft.appealFax,
    appealPhone: draft.appealPhone,
    ...(caseHasCoverage(read)
      ? {}
      : { payer: draft.payer, memberId: draft.memberId, planType: draft.planType || null }),
    requestingProvider: read.findings.requestingProvider?.value ?? null,
    datesOfService: read.findings.datesOfService?.value ?? null,
    statedWindow:
      draft.windowAmount.trim() === ''
        ? null
        : { amount: Number.isInteger(amount) ? amount : -1, unit: draft.windowUnit, from: draft.windowFrom },
    noticeCheck: read.noticeCheck,
  };
}

const elementStatusWords: Readonly<Record<NoticeElement['status'], string>> = {
  present: 'Present',
  missing: 'Missing',
  'not-applicable': 'Not required',
};

function NoticeElementList({ elements }: { readonly elements: readonly NoticeElement[] }) {
  return (
    <ul className={styles.elements}>
      {elements.map((element) => (
        <li key={element.id} data-status={element.status}>
          <span className={styles.status}>{elementStatusWords[element.status]}</span>
          <span>
            {noticeElementLabels[element.id]} <cite className={styles.citation}>{element.citation}</cite>
          </span>
        </li>
      ))}
    </ul>
  );
}

function displayValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/**
 * Reads a vault document as a denial notice and shows it beside the fields found, each marked in
 * the text; the advocate confirms or corrects them and records the denial into the case at once.
 */
export function DenialNoticeDialog({ caseId, documentId, onClose, onRecorded }: Props) {
  const read = useQuery({
    queryKey: queryKeys.denials.read(documentId, caseId),
    queryFn: () => callApi('denials.readDocument', { documentId, caseId }),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  // A scan is recognised page by page before it is read: its progress is asked for while the read runs.
  const progress = useQuery({
    queryKey: queryKeys.denials.progress(documentId),
    queryFn: async () =>
      (await callApi('vault.recognitionProgress', {})).find((job) => job.documentId === documentId) ?? null,
    enabled: read.isPending,
    refetchInterval: 500,
    gcTime: 0,
  });
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Read as denial notice"
      size="wide"
      description={
        read.data
          ? `${read.data.fileName}${read.data.isRecognised ? ': text recognised from the page images, so check each field against the notice' : ''}. Confirm or correct each field, then record the denial.`
          : undefined
      }
    >
      {read.isPending && (
        <div className={styles.progressRow}>
          {progress.data ? (
            <>
              <span role="status">
                Recognising the text of page {progress.data.page} of {progress.data.pageCount}…
              </span>
              <progress
                aria-label="Progress of the text recognition"
                max={1}
                value={progress.data.fraction}
              />
            </>
          ) : (
            <span role="status" className={styles.reading}>
              Reading the notice…
            </span>
          )}
          <Button
            onClick={() => {
              void callApi('vault.cancelRecognition', { documentId });
              onClose();
            }}
          >
            Cancel
          </Button>
        </div>
      )}
      {read.isError && (
        <div role="alert" className={styles.readError}>
          <p>{read.error.message}</p>
          <Button onClick={onClose}>Close</Button>
        </div>
      )}
      {read.data && (
        <DenialNoticeForm caseId={caseId} read={read.data} onClose={onClose} onRecorded={onRecorded} />
      )}
    </Dialog>
  );
}

/** The fields of a notice read, to confirm or correct beside its text, and the button that records them. */
function DenialNoticeForm({
  caseId,
  read,
  onClose,
  onRecorded,
}: Omit<Props, 'documentId'> & { readonly read: ReadDenialDocumentOutput }) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(read));
  const [activeField, setActiveField] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const textRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!activeField) return;
    const pane = textRef.current;
    const mark = pane?.querySelector<HTMLElement>(`[data-field="${activeField}"]`);
    // Scrolls the notice's own pane only (scrollIntoView would move the dialog and the page too).
    if (pane && mark) pane.scrollTo({ top: mark.offsetTop - pane.clientHeight / 2, behavior: 'smooth' });
  }, [activeField]);

  // Enter records from any one-line field (the form does that itself); Ctrl+Enter from anywhere in
  // the dialog, text areas and the Close button too, as its footer says.
  const recordFromShortcut = useEffectEvent(() => submit());
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        recordFromShortcut();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const record = useMutation({
    mutationFn: (input: RecordDenialInput) => callApi('denials.record', input),
    onSuccess: async (recorded) => {
      await refreshCaseViews(caseId);
      await refreshQueries(
        queryKeys.denials.all,
        queryKeys.events.all,
        queryKeys.vault.all,
        queryKeys.criteria.all,
      );
      onRecorded(
        recordedMessage(recorded, await callApi('deadlines.listForCase', { caseId }), !caseHasCoverage(read)),
      );
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, Object.keys(recordDenialInputSchema.shape))),
  });

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (record.isPending) return;
    const input = recordInput(caseId, read, draft);
    const parsed = recordDenialInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(formErrorsFromZod(parsed.error));
      return;
    }
    setErrors(noErrors);
    record.mutate(input);
  }

  const { findings, noticeCheck: check } = read;
  // What the plan's rules do not ask of a notice is folded away: ten such rows for a Medicare
  // Advantage notice would bury the two that are missing.
  const applicableElements = check.elements.filter((element) => element.status !== 'not-applicable');
  const notRequiredElements = check.elements.filter((element) => element.status === 'not-applicable');
  const sourceOf = (name: keyof DenialNoticeFindings): NoticeSource | null => {
    const found = findings[name];
    return found && !Array.isArray(found) ? found.source : null;
  };
  const highlights: HighlightSource[] = (Object.keys(findings) as Array<keyof DenialNoticeFindings>).flatMap(
    (name) => {
      const source = sourceOf(name);
      return source ? [{ field: name, source }] : [];
    },
  );

  function change<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  /** A hint under each confirmed field: where it was read (a button that shows it), or that it was not found. */
  function sourceHint(key: keyof Draft) {
    const name = sourceFieldOf[key];
    if (!name) return undefined;
    const source = sourceOf(name);
    if (!source) return <span className={styles.notFound}>Not found in the notice</span>;
    return (
      <button
        type="button"
        className={styles.showSource}
        aria-label={`Show where ${fieldWords(key)} was read in the notice`}
        onClick={() => setActiveField(name)}
      >
        Show in notice
      </button>
    );
  }

  function textField(key: keyof Draft, label: string, options: { multiline?: boolean; type?: string } = {}) {
    const name = sourceFieldOf[key];
    const inputProps = {
      className: inputClassName,
      value: draft[key],
      onFocus: () => name && sourceOf(name) && setActiveField(name),
      onChange: (event: { target: { value: string } }) => change(key, event.target.value as never),
    };
    return (
      <Field
        label={label}
        hint={sourceHint(key)}
        error={errors.fields[key]}
        optional={key !== 'noticeDate' && key !== 'receivedOn'}
      >
        {(ids) =>
          options.multiline ? (
            <textarea {...ids} {...inputProps} className={`${inputClassName} ${styles.textarea}`} rows={3} />
          ) : (
            <input {...ids} {...inputProps} type={options.type ?? 'text'} />
          )
        }
      </Field>
    );
  }

  const missingCount = check.elements.filter((element) => element.status === 'missing').length;

  return (
    <form className={styles.layout} onSubmit={submit} aria-label="Confirm the denial">
      <section className={styles.noticePane} aria-label="Text of the notice">
        <h3 className={styles.paneTitle}>The notice</h3>
        <div ref={textRef} className={styles.noticeText} tabIndex={0} data-testid="notice-text">
          {segmentNoticeText(read.text, highlights, activeField).map((segment, index) =>
            segment.kind === 'text' ? (
              <span key={index}>{segment.text}</span>
            ) : (
              <mark
                key={index}
                data-field={segment.field}
                data-active={segment.field === activeField || undefined}
                className={styles.sourceMark}
              >
                {segment.text}
              </mark>
            ),
          )}
        </div>
      </section>

      <div className={styles.fieldsPane}>
        {read.caseTreatmentTheServiceDiffersFrom && findings.service && (
          <p className={styles.serviceWarning} role="alert">
            <strong>This notice denies another treatment.</strong> It names “{findings.service.value}”, but
            this case is for {read.caseTreatmentTheServiceDiffersFrom}. Check that the notice belongs to this
            case (and this request) before recording it; if not, close this and read it on the right case.
          </p>
        )}
        <fieldset className={styles.fieldset}>
          <legend>Dates</legend>
          <div className={styles.row}>
            {textField('noticeDate', 'Date on the notice', { type: 'date' })}
            <Field
              label="Date it arrived"
              hint="When you or the client received it: the appeal clock may run from this day."
              error={errors.fields.receivedOn}
            >
              {(ids) => (
                <input
                  {...ids}
                  type="date"
                  className={inputClassName}
                  value={draft.receivedOn}
                  onChange={(event) => change('receivedOn', event.target.value)}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset className={styles.fieldset}>
          <legend>The denial</legend>
          {textField('referenceNumber', 'Claim or reference number')}
          {textField('reasonText', 'Reason, as the notice words it', { multiline: true })}
          <Field
            label="Kind of reason"
            hint={sourceHint('reasonCategory')}
            error={errors.fields.reasonCategory}
            optional
          >
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={draft.reasonCategory}
                onFocus={() => sourceOf('reasonCategory') && setActiveField('reasonCategory')}
                onChange={(event) => change('reasonCategory', event.target.value)}
              >
                <option value="">Not said</option>
                {denialReasonCategories.map((category) => (
                  <option key={category} value={category}>
                    {denialReasonCategoryLabels[category]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className={styles.row}>
            {textField('policyCited', 'Policy or criteria cited')}
            {textField('denialCode', 'Denial code')}
          </div>
        </fieldset>

        <fieldset className={styles.fieldset}>
          <legend>Appeal</legend>
          {textField('appealAddress', 'Where to send an appeal', { multiline: true })}
          <div className={styles.row}>
            {textField('appealFax', 'Appeal fax', { type: 'tel' })}
            {textField('appealPhone', 'Appeal phone', { type: 'tel' })}
          </div>
          <div className={styles.windowRow}>
            {textField('windowAmount', 'Time to appeal, as the notice states it', { type: 'number' })}
            <label className={styles.inlineLabel}>
              <span className={hiddenStyles.visuallyHidden}>Unit of the time to appeal</span>
              <select
                className={inputClassName}
                value={draft.windowUnit}
                onChange={(event) => change('windowUnit', event.target.value as AppealWindow['unit'])}
              >
                <option value="days">days</option>
                <option value="months">months</option>
              </select>
            </label>
            <label className={styles.inlineLabel}>
              <span className={hiddenStyles.visuallyHidden}>Counted from</span>
              <select
                className={inputClassName}
                value={draft.windowFrom}
                onChange={(event) => change('windowFrom', event.target.value as AppealWindow['from'])}
              >
                <option value="notice-date">from the notice's date</option>
                <option value="receipt">from receipt</option>
                <option value="unknown">start not said</option>
              </select>
            </label>
          </div>
          {(errors.fields['statedWindow.amount'] ?? errors.fields.statedWindow) && (
            <p className={styles.fieldError} role="alert">
              {errors.fields['statedWindow.amount'] ?? errors.fields.statedWindow}
            </p>
          )}
        </fieldset>

        {caseHasCoverage(read) ? null : (
          <fieldset className={styles.fieldset}>
            <legend>Coverage (the case has none: recording creates it from the notice)</legend>
            <Field
              label="Plan type"
              hint="It decides which appeal rules and deadlines apply."
              error={errors.fields.planType}
            >
              {(ids) => (
                <select
                  {...ids}
                  className={inputClassName}
                  value={draft.planType}
                  onChange={(event) => change('planType', event.target.value as PlanType | '')}
                >
                  <option value="">Choose the kind of plan…</option>
                  {planTypes.map((planType) => (
                    <option key={planType} value={planType}>
                      {planTypeLabels[planType]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className={styles.row}>
              {textField('payer', 'Payer')}
              {textField('memberId', 'Member ID')}
            </div>
          </fieldset>
        )}

        <section className={styles.alsoRead} aria-label="Also read from the notice">
          <h3 className={styles.paneTitle}>Also read from the notice</h3>
          <dl>
            {alsoRead.map(([name, label]) => {
              const found = findings[name];
              return (
                <div key={name} className={styles.alsoReadRow}>
                  <dt>{label}</dt>
                  <dd>
                    {found ? (
                      <button
                        type="button"
                        className={styles.showSource}
                        aria-label={`${label}: ${displayValue(found.value)}. Show in the notice`}
                        onClick={() => setActiveField(name)}
                      >
                        {displayValue(found.value)}
                      </button>
                    ) : (
                      <span className={styles.notFound}>Not found</span>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>

        <section className={styles.check} aria-label="The notice checked against the law">
          <h3 className={styles.paneTitle}>
            Checked against the rules for {planTypeLabels[check.planType]}:{' '}
            {missingCount === 0
              ? 'nothing required is missing'
              : `${missingCount} required element${missingCount === 1 ? '' : 's'} missing`}
          </h3>
          {caseHasCoverage(read) ? null : (
            <p className={styles.planWarning} role="note">
              This case has no coverage linked, so the notice was checked as{' '}
              {read.planTypeFrom === 'notice'
                ? 'the kind of plan it names'
                : 'an employer plan (it does not say which kind of plan it is)'}
              . Recording creates the case&apos;s coverage from the notice, with the plan type chosen above.
            </p>
          )}
          <NoticeElementList elements={applicableElements} />
          {notRequiredElements.length > 0 && (
            <details className={styles.notRequired}>
              <summary>
                {notRequiredElements.length} item{notRequiredElements.length === 1 ? '' : 's'} not required
                for {planTypeLabels[check.planType]}
              </summary>
              <NoticeElementList elements={notRequiredElements} />
            </details>
          )}
          {check.findings.length > 0 && (
            <ul className={styles.findings} aria-label="Findings">
              {check.findings.map((finding) => (
                <li key={finding.id}>
                  <strong>{noticeFindingLabels[finding.id]}.</strong> {finding.message}{' '}
                  <cite className={styles.citation}>{finding.citation}</cite>
                </li>
              ))}
            </ul>
          )}
          <p className={styles.guidance}>
            Guidance from the regulations, not legal advice: the plan&apos;s own documents control its
            procedure.
          </p>
        </section>

        <FormError message={errors.form} />
        <div className={styles.actions}>
          <span className={styles.keyHint}>Ctrl+Enter records · Esc closes</span>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={record.isPending}>
            {record.isPending ? 'Recording…' : 'Record denial'}
          </Button>
        </div>
      </div>
    </form>
  );
}

function fieldWords(key: keyof Draft): string {
  const words: Readonly<Partial<Record<keyof Draft, string>>> = {
    noticeDate: 'the date on the notice',
    referenceNumber: 'the reference number',
    reasonText: 'the reason',
    reasonCategory: 'the kind of reason',
    policyCited: 'the policy cited',
    denialCode: 'the denial code',
    appealAddress: 'the appeal address',
    appealFax: 'the appeal fax',
    appealPhone: 'the appeal phone',
    windowAmount: 'the time to appeal',
    payer: 'the payer',
    memberId: 'the member ID',
  };
  return words[key] ?? 'this field';
}
