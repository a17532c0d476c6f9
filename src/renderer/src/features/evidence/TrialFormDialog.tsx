import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  drugClasses,
  drugClassLabels,
  trialKindLabels,
  trialKinds,
  trialOutcomeLabels,
  trialOutcomes,
  type DrugClass,
  type TrialKind,
  type TrialOutcome,
} from '@shared/domain/treatment-history';
import { treatmentTrialFieldsSchema, type TreatmentTrialDto } from '@shared/schemas/treatment-history';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { lookUpMedication, medicationSuggestions } from './common-medications';
import { SourceSelect } from './SourceSelect';
import { describeAdequacy, weeksBetween } from './trial-adequacy';
import { parseSourceValue, sourceValue } from './use-case-records';
import styles from './Evidence.module.css';
import { queryKeys } from '../../lib/query-keys';

type YesNo = '' | 'yes' | 'no';

type Draft = {
  name: string;
  kind: TrialKind;
  drugClass: DrugClass | '';
  peakDose: string;
  startedOn: string;
  endedOn: string;
  weeks: string;
  isDoseAdequate: YesNo;
  outcome: TrialOutcome;
  isInCurrentEpisode: YesNo;
  source: string;
  notes: string;
};

const emptyDraft: Draft = {
  name: '',
  kind: 'medication',
  drugClass: '',
  peakDose: '',
  startedOn: '',
  endedOn: '',
  weeks: '',
  isDoseAdequate: '',
  outcome: 'unknown',
  isInCurrentEpisode: '',
  source: '',
  notes: '',
};

const toYesNo = (value: boolean | null): YesNo => (value === null ? '' : value ? 'yes' : 'no');
const fromYesNo = (value: YesNo) => (value === '' ? null : value === 'yes');

function draftOf(trial: TreatmentTrialDto): Draft {
  return {
    name: trial.name,
    kind: trial.kind,
    drugClass: trial.drugClass ?? '',
    peakDose: trial.peakDose ?? '',
    startedOn: trial.startedOn ?? '',
    endedOn: trial.endedOn ?? '',
    weeks: trial.weeksAtTherapeuticDose === null ? '' : String(trial.weeksAtTherapeuticDose),
    isDoseAdequate: toYesNo(trial.isDoseAdequate),
    outcome: trial.outcome,
    isInCurrentEpisode: toYesNo(trial.isInCurrentEpisode),
    source: sourceValue(trial.source),
    notes: trial.notes ?? '',
  };
}

const fieldNames = [
  'name',
  'kind',
  'drugClass',
  'peakDose',
  'startedOn',
  'endedOn',
  'weeksAtTherapeuticDose',
  'isDoseAdequate',
  'outcome',
  'isInCurrentEpisode',
  'sourceDocumentId',
  'sourceEventId',
  'notes',
];

/** The core names fields `trial.endedOn`; the form shows them by their own name. */
function withoutPrefix(errors: FormErrors): FormErrors {
  return {
    ...errors,
    fields: Object.fromEntries(
      Object.entries(errors.fields).map(([key, message]) => [key.replace(/^trial\./, ''), message]),
    ),
  };
}

type Props = {
  readonly clientId: number;
  readonly caseId: number;
  /** The trial to change, `new` to add one, null when closed. */
  readonly trial: TreatmentTrialDto | 'new' | null;
  readonly onClose: () => void;
  readonly onSaved: (message: string) => void;
};

/**
 * Adds or changes a prior treatment, fast by keyboard: the name suggests its class, dates offer
 * their span as a hint for the weeks (never filled in for you), Ctrl+Enter saves, and "Save and
 * add another" keeps the form open for the next trial.
 */
export function TrialFormDialog({ clientId, caseId, trial, onClose, onSaved }: Props) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(trial && trial !== 'new' ? draftOf(trial) : emptyDraft);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const keepOpen = useRef(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const suggestionsId = useId();
  const isNew = trial === 'new';

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  function onNameChange(name: string) {
    const known = lookUpMedication(name);
    setDraft((current) => ({
      ...current,
      name,
      ...(known && current.drugClass === '' ? { drugClass: known.drugClass, kind: known.kind } : {}),
    }));
    setSuggestion(
      known ? `${drugClassLabels[known.drugClass]}, ${trialKindLabels[known.kind].toLowerCase()}` : null,
    );
  }

  const save = useMutation({
    mutationFn: (fields: ReturnType<typeof treatmentTrialFieldsSchema.parse>) =>
      trial && trial !== 'new'
        ? callApi('treatmentHistory.update', { trialId: trial.id, trial: fields })
        : callApi('treatmentHistory.add', { clientId, trial: fields }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.treatmentHistory.ofClient(clientId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.evidence.all });
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.ofCases });
      onSaved(`${isNew ? 'Added' : 'Saved'} ${saved.name}: ${describeAdequacy(saved).text}.`);
      if (keepOpen.current) {
        setDraft(emptyDraft);
        setSuggestion(null);
        nameRef.current?.focus();
      } else {
        onClose();
      }
    },
    onError: (error) =>
      setErrors(
        withoutPrefix(
          formErrorsFromFailure(
            error,
            fieldNames.map((name) => `trial.${name}`),
          ),
        ),
      ),
  });

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const weeks = draft.weeks.trim();
    const parsed = treatmentTrialFieldsSchema.safeParse({
      kind: draft.kind,
      name: draft.name.replace(/\s*\([^)]*\)\s*$/, '') || draft.name,
      drugClass: draft.drugClass || null,
      peakDose: draft.peakDose,
      startedOn: draft.startedOn,
      endedOn: draft.endedOn,
      weeksAtTherapeuticDose: weeks === '' ? null : Number(weeks),
      isDoseAdequate: fromYesNo(draft.isDoseAdequate),
      outcome: draft.outcome,
      isInCurrentEpisode: fromYesNo(draft.isInCurrentEpisode),
      ...parseSourceValue(draft.source),
      notes: draft.notes,
    });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    save.mutate(parsed.data);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      keepOpen.current = event.shiftKey;
      submit();
    }
  }

  const span = draft.startedOn && draft.endedOn ? weeksBetween(draft.startedOn, draft.endedOn) : null;
  const yesNoOptions = (
    <>
      <option value="">Not documented</option>
      <option value="yes">Yes</option>
      <option value="no">No</option>
    </>
  );

  return (
    <Dialog
      open={trial !== null}
      onOpenChange={(open) => !open && onClose()}
      title={trial && trial !== 'new' ? `Change ${trial.name}` : 'Add a prior treatment'}
      description="Enter what the records say. Leave a field empty when the records do not document it: it shows as “not documented”, which is what a reviewer will see."
      size="wide"
    >
      <form className={formStyles.form} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <div className={styles.formGrid}>
          <Field
            label="Name"
            hint={suggestion ? `Known: ${suggestion}.` : 'Drug or therapy, as written in the records.'}
            error={errors.fields.name}
          >
            {(ids) => (
              <input
                {...ids}
                ref={nameRef}
                className={inputClassName}
                list={suggestionsId}
                value={draft.name}
                autoComplete="off"
                onChange={(event) => onNameChange(event.target.value)}
              />
            )}
          </Field>
          <datalist id={suggestionsId}>
            {medicationSuggestions.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <Field label="Kind" error={errors.fields.kind}>
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={draft.kind}
                onChange={(event) => set('kind', event.target.value as TrialKind)}
              >
                {trialKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {trialKindLabels[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Drug class" optional error={errors.fields.drugClass}>
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={draft.drugClass}
                onChange={(event) => set('drugClass', event.target.value as DrugClass | '')}
              >
                <option value="">Not a drug / not documented</option>
                {drugClasses.map((drugClass) => (
                  <option key={drugClass} value={drugClass}>
                    {drugClassLabels[drugClass]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Peak dose"
            optional
            hint="As written, e.g. “200 mg/day”."
            error={errors.fields.peakDose}
          >
            {(ids) => (
              <input
                {...ids}
                className={inputClassName}
                value={draft.peakDose}
                onChange={(event) => set('peakDose', event.target.value)}
              />
            )}
          </Field>
          <Field label="Start date" optional error={errors.fields.startedOn}>
            {(ids) => (
              <input
                {...ids}
                type="date"
                className={inputClassName}
                value={draft.startedOn}
                onChange={(event) => set('startedOn', event.target.value)}
              />
            )}
          </Field>
          <Field label="End date" optional hint="Empty if still taking it." error={errors.fields.endedOn}>
            {(ids) => (
              <input
                {...ids}
                type="date"
                className={inputClassName}
                value={draft.endedOn}
                onChange={(event) => set('endedOn', event.target.value)}
              />
            )}
          </Field>
          <Field
            label="Weeks at therapeutic dose"
            optional
            hint={
              span !== null
                ? `The dates span ${span} weeks; enter only the weeks the records show at a therapeutic dose.`
                : 'As the records show it; empty means not documented.'
            }
            error={errors.fields.weeksAtTherapeuticDose}
          >
            {(ids) => (
              <input
                {...ids}
                className={inputClassName}
                type="number"
                min={0}
                step={0.5}
                inputMode="decimal"
                value={draft.weeks}
                onChange={(event) => set('weeks', event.target.value)}
              />
            )}
          </Field>
          <Field
            label="Adequate dose?"
            hint="The clinician's judgement, as documented."
            error={errors.fields.isDoseAdequate}
          >
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={draft.isDoseAdequate}
                onChange={(event) => set('isDoseAdequate', event.target.value as YesNo)}
              >
                {yesNoOptions}
              </select>
            )}
          </Field>
          <Field label="Outcome" error={errors.fields.outcome}>
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={draft.outcome}
                onChange={(event) => set('outcome', event.target.value as TrialOutcome)}
              >
                {trialOutcomes.map((outcome) => (
                  <option key={outcome} value={outcome}>
                    {trialOutcomeLabels[outcome]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="In the current episode?" error={errors.fields.isInCurrentEpisode}>
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={draft.isInCurrentEpisode}
                onChange={(event) => set('isInCurrentEpisode', event.target.value as YesNo)}
              >
                {yesNoOptions}
              </select>
            )}
          </Field>
          <Field
            label="Source"
            optional
            hint="The record that documents this trial (pharmacy history, clinic note)."
            error={errors.fields.sourceDocumentId ?? errors.fields.sourceEventId}
          >
            {(ids) => (
              <SourceSelect
                caseId={caseId}
                ids={ids}
                value={draft.source}
                onChange={(value) => set('source', value)}
              />
            )}
          </Field>
          <Field label="Notes" optional error={errors.fields.notes}>
            {(ids) => (
              <input
                {...ids}
                className={inputClassName}
                value={draft.notes}
                onChange={(event) => set('notes', event.target.value)}
              />
            )}
          </Field>
        </div>
        <FormError message={errors.form} />
        <div className={formStyles.actions}>
          <span className={styles.keyHint}>Ctrl+Enter saves · Ctrl+Shift+Enter saves and adds another</span>
          <Button onClick={onClose}>Cancel</Button>
          {isNew && (
            <Button
              type="submit"
              disabled={save.isPending}
              onClick={() => {
                keepOpen.current = true;
              }}
            >
              Save and add another
            </Button>
          )}
          <Button
            type="submit"
            variant="primary"
            disabled={save.isPending}
            onClick={() => {
              keepOpen.current = false;
            }}
          >
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
