import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import {
  conflictingCoverageFieldLabels,
  conflictingCoverageFields,
  coverageChangesFromNotice,
  coverageTheNoticeNames,
  existingCoverageWords,
  shownCoverageValue,
  type ConflictingCoverageField,
  type CoverageConflict,
  type CoverageConflictChoice,
  type CoverageOnFile,
} from '@shared/domain/notice-coverage';
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
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
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
  /**
   * The coverage the notice names when the case has none: the client's own with that payer and
   * member ID, or a new one ('' for a plan type not chosen).
   */
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

/** For each field where the client's coverage and the notice differ: which the advocate keeps. */
type CoverageChoices = Partial<Record<ConflictingCoverageField, CoverageConflictChoice>>;

/**
 * The client's coverage the notice names as its fields now read (same payer and member ID), for a
 * case without a coverage; null when it names none, so recording adds a new one. The core decides
 * with the same function (src/shared/domain/notice-coverage.ts).
 */
function namedCoverage(read: ReadDenialDocumentOutput, draft: Draft): CoverageOnFile | null {
  const onFile = read.coveragesOfClient;
  if (caseHasCoverage(read) || !onFile) return null;
  return coverageTheNoticeNames(onFile.coverages, {
    payer: draft.payer.trim() || onFile.casePayer,
    memberId: draft.memberId,
  });
}

/** Where the notice differs from the client's coverage it names, and what it would add to it. */
function changesToNamedCoverage(coverage: CoverageOnFile, draft: Draft) {
  return coverageChangesFromNotice(coverage, {
    payer: draft.payer,
    memberId: draft.memberId,
    planType: null,
    appealsAddress: draft.appealAddress,
    payerFax: draft.appealFax,
    payerPhone: draft.appealPhone,
  });
}

function draftFrom(read: ReadDenialDocumentOutput): Draft {
  const { findings } = read;
  const window = findings.appealWindow?.value;
  return {
    noticeDate: findings.noticeDate?.value ?? '',
    // Never a guess: the appeal deadline counts from this day, so the advocate enters it.
    receivedOn: '',
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

function recordInput(
  caseId: number,
  read: ReadDenialDocumentOutput,
  draft: Draft,
  choices: CoverageChoices,
): RecordDenialInput {
  const amount = Number(draft.windowAmount);
  const named = namedCoverage(read, draft);
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
      : {
          payer: draft.payer,
          memberId: draft.memberId,
          // The client's coverage keeps its plan type; a new one takes the one chosen.
          planType: named ? null : draft.planType || null,
          coverageChoices: named ? choices : {},
        }),
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
  const [coverageChoices, setCoverageChoices] = useState<CoverageChoices>({});
  const named = namedCoverage(read, draft);
  const coverageChanges = named ? changesToNamedCoverage(named, draft) : null;
  const existingCoverage =
    named && read.coveragesOfClient ? existingCoverageWords(read.coveragesOfClient.clientName, named) : null;
  const textRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!activeField) return;
    const pane = textRef.current;
    const mark = pane?.querySelector<HTMLElement>(`[data-field="${activeField}"]`);
    // Scrolls the notice's own pane only (scrollIntoView would move the dialog and the page too).
    if (pane && mark) pane.scrollTo({ top: mark.offsetTop - pane.clientHeight / 2, behavior: 'smooth' });
  }, [activeField]);

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
        recordedMessage(
          recorded,
          await callApi('deadlines.listForCase', { caseId }),
          caseHasCoverage(read)
            ? null
            : existingCoverage
              ? { existing: existingCoverage }
              : { created: true },
        ),
      );
    },
    onError: (error) =>
      setErrors(
        formErrorsFromFailure(error, [
          ...Object.keys(recordDenialInputSchema.shape),
          ...conflictingCoverageFields.map((field) => `coverageChoices.${field}`),
        ]),
      ),
  });

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (record.isPending) return;
    const input = recordInput(caseId, read, draft, coverageChoices);
    const parsed = recordDenialInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(withUnshownOnForm(formErrorsFromZod(parsed.error)));
      return;
    }
    // A value of the client's coverage is never replaced unasked: each difference needs a choice.
    const unchosen = coverageChanges?.conflicts.filter((conflict) => !coverageChoices[conflict.field]) ?? [];
    if (unchosen.length > 0) {
      setErrors({
        fields: Object.fromEntries(
          unchosen.map((conflict) => [
            `coverageChoices.${conflict.field}`,
            `Choose which ${conflictingCoverageFieldLabels[conflict.field]} to keep.`,
          ]),
        ),
      });
      // The choice may be scrolled out of view: its first option takes the focus, and brings it in.
      document.getElementsByName(`coverage-${unchosen[0]!.field}`)[0]?.focus();
      return;
    }
    setErrors(noErrors);
    record.mutate(input);
  }

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
              hint="When you or the client received it (the postmark or the day it was opened, not today unless it came today): the appeal clock may run from this day."
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
            <legend>Coverage (the case has none yet)</legend>
            <p className={styles.coverageOutcome} role="status" data-testid="notice-coverage-outcome">
              {existingCoverage ? `Uses ${existingCoverage}.` : 'Adds a new coverage from the notice.'}
            </p>
            {named && coverageChanges ? (
              <>
                <p className={styles.coverageNote}>
                  Plan type: {planTypeLabels[named.planType]}, as on the coverage.
                  {addedWords(coverageChanges.fills)}
                </p>
                {coverageChanges.conflicts.map((conflict) => (
                  <CoverageConflictChoiceField
                    key={conflict.field}
                    conflict={conflict}
                    choice={coverageChoices[conflict.field]}
                    error={errors.fields[`coverageChoices.${conflict.field}`]}
                    onChoose={(choice) =>
                      setCoverageChoices((current) => ({ ...current, [conflict.field]: choice }))
                    }
                  />
                ))}
              </>
            ) : (
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
            )}
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
          {caseHasCoverage(read) ? null : read.planTypeFrom === 'client-coverage' ? (
            <p className={styles.planWarning} role="note">
              This case has no coverage linked; the notice names the client&apos;s existing coverage, so it
              was checked under that coverage&apos;s plan type. Recording links that coverage to the case.
            </p>
          ) : (
            <p className={styles.planWarning} role="note">
              This case has no coverage linked, so the notice was checked as{' '}
              {read.planTypeFrom === 'notice'
                ? 'the kind of plan it names'
                : 'an employer plan (it does not say which kind of plan it is)'}
              .{' '}
              {named
                ? 'Recording links the client’s coverage named above to the case.'
                : 'Recording creates the case’s coverage from the notice, with the plan type chosen above.'}
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

/** The fields the form shows a message beside; a refusal of any other is said above its buttons. */
const fieldsWithMessages: ReadonlySet<string> = new Set([
  ...Object.keys(sourceFieldOf),
  'receivedOn',
  'planType',
  'statedWindow',
  'statedWindow.amount',
  ...conflictingCoverageFields.map((field) => `coverageChoices.${field}`),
]);

/**
 * A refusal of a value read from the notice without a field of its own (the requesting provider,
 * the dates of service) is shown on the form, so Record never does nothing without saying why.
 */
function withUnshownOnForm(errors: FormErrors): FormErrors {
  const unshown = Object.entries(errors.fields).find(([key]) => !fieldsWithMessages.has(key));
  return unshown ? { ...errors, form: `${unshown[1]} (as read from the notice)` } : errors;
}

/** " Recording adds the notice's appeal address and appeal fax to it.", or nothing when it adds none. */
function addedWords(fills: Partial<Record<ConflictingCoverageField | 'payerPhone', string>>): string {
  const labels = Object.keys(fills).map((field) =>
    field === 'payerPhone' ? 'phone' : conflictingCoverageFieldLabels[field as ConflictingCoverageField],
  );
  if (labels.length === 0) return '';
  const listed = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  return ` Recording adds the notice’s ${listed} to it.`;
}

/**
 * One value the client's coverage and the notice disagree on: the advocate keeps the coverage's or
 * takes the notice's (the coverage may serve the client's other cases, so neither is assumed).
 */
function CoverageConflictChoiceField({
  conflict,
  choice,
  error,
  onChoose,
}: {
  readonly conflict: CoverageConflict;
  readonly choice: CoverageConflictChoice | undefined;
  readonly error: string | undefined;
  readonly onChoose: (choice: CoverageConflictChoice) => void;
}) {
  const label = conflictingCoverageFieldLabels[conflict.field];
  const errorId = `coverage-choice-error-${conflict.field}`;
  return (
    <fieldset
      className={styles.conflict}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>The notice has another {label} than the coverage</legend>
      <div className={styles.conflictChoices}>
        <label className={formStyles.choice}>
          <input
            type="radio"
            name={`coverage-${conflict.field}`}
            checked={choice === 'coverage'}
            onChange={() => onChoose('coverage')}
          />
          <span>
            Keep the coverage’s: <strong>{shownCoverageValue(conflict.field, conflict.onCoverage)}</strong>
          </span>
        </label>
        <label className={formStyles.choice}>
          <input
            type="radio"
            name={`coverage-${conflict.field}`}
            checked={choice === 'notice'}
            onChange={() => onChoose('notice')}
          />
          <span>
            Use the notice’s: <strong>{shownCoverageValue(conflict.field, conflict.onNotice)}</strong>
          </span>
        </label>
      </div>
      {error && (
        <p id={errorId} className={styles.fieldError} role="alert">
          {error}
        </p>
      )}
    </fieldset>
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
