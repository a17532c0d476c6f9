import { useState, type FormEvent } from 'react';
import type { MethodInput } from '@shared/contract';
import {
  diagnosisCodes,
  diagnosisCodeSetYear,
  procedureCodes,
  procedureCodeSetYear,
} from '@shared/domain/billing-codes';
import {
  caseOutcomeLabels,
  caseOutcomes,
  casePriorities,
  casePriorityLabels,
  type CaseOutcome,
  type CasePriority,
} from '@shared/domain/case-stages';
import { treatmentKinds, treatmentLabels, type TreatmentKind } from '@shared/domain/treatments';
import { updateCaseInputSchema, type CaseDetail } from '@shared/schemas/cases';
import { queryClient } from '../../app/query-client';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { centsToDollarsInput, parseDollarsToCents } from '../../lib/money';
import { CodePicker } from './CodePicker';
import { FormDialog } from '../../components/FormDialog';
import { queryKeys } from '../../lib/query-keys';
import { formatCalendarDate } from '../../lib/format-date';
import { formatCents } from '../../lib/money';
import { compareFields, EditConflictDialog, keptTheirsMessage } from '../edit-conflicts/EditConflictDialog';
import { useConflictAwareSave } from '../edit-conflicts/use-conflict-aware-save';
import { refreshCaseViews } from './refresh-case-views';
import type { Announce } from '../../app/announce';

type Changes = NonNullable<MethodInput<'cases.update'>['changes']>;
const moneyFields = [
  ['billedCents', 'Billed'],
  ['allowedCents', 'Allowed by the plan'],
  ['paidCents', 'Paid by the plan'],
  ['savedCents', 'Saved for the client'],
] as const;

/** The fields this dialog edits, as the conflict dialog lists them. */
const comparedFields = [
  { key: 'treatment', label: 'Treatment' },
  { key: 'treatmentDetail', label: 'Which treatment' },
  { key: 'procedureCodes', label: 'Procedure codes' },
  { key: 'diagnosisCodes', label: 'Diagnosis codes' },
  { key: 'priority', label: 'Priority' },
  { key: 'isUrgent', label: 'Urgent' },
  { key: 'assignedAdvocate', label: 'Assigned advocate' },
  { key: 'outcome', label: 'Outcome' },
  { key: 'closedOn', label: 'Closed on' },
  ...moneyFields.map(([key, label]) => ({ key, label })),
];

function formatCaseValue(key: string, value: unknown): string {
  if (key === 'outcome') return value ? caseOutcomeLabels[value as CaseOutcome] : 'Still open';
  if (key === 'isUrgent') return value ? 'Yes' : 'No';
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (key === 'treatment') return treatmentLabels[value as TreatmentKind];
  if (key === 'priority') return casePriorityLabels[value as CasePriority];
  if (key === 'closedOn') return formatCalendarDate(value as string);
  if (key.endsWith('Cents') && typeof value === 'number') return formatCents(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

type Props = {
  readonly detail: CaseDetail;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onSaved: Announce;
};

/** Everything about a case that is not on its timeline: codes, urgency, who works it, how it ended. */
export function CaseDetailsDialog({ detail, open, onOpenChange, onSaved }: Props) {
  const [treatment, setTreatment] = useState<TreatmentKind>(detail.treatment);
  const [treatmentDetail, setTreatmentDetail] = useState(detail.treatmentDetail ?? '');
  const [procedure, setProcedure] = useState<string[]>(detail.procedureCodes);
  const [diagnosis, setDiagnosis] = useState<string[]>(detail.diagnosisCodes);
  const [priority, setPriority] = useState<CasePriority>(detail.priority);
  const [isUrgent, setIsUrgent] = useState(detail.isUrgent);
  const [assignedAdvocate, setAssignedAdvocate] = useState(detail.assignedAdvocate ?? '');
  const [outcome, setOutcome] = useState<CaseOutcome | ''>(detail.outcome ?? '');
  const [closedOn, setClosedOn] = useState(detail.closedOn ?? '');
  const [money, setMoney] = useState<Record<string, string>>(() =>
    Object.fromEntries(moneyFields.map(([key]) => [key, centsToDollarsInput(detail[key])])),
  );
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const save = useConflictAwareSave({
    editedFrom: detail.version,
    save: (changes: Changes, version) => callApi('cases.update', { caseId: detail.id, version, changes }),
    onSaved: async (updated) => {
      queryClient.setQueryData(queryKeys.cases.detail(detail.id), updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.ofCases });
      onSaved('Case details saved.');
      onOpenChange(false);
    },
    onFailed: (error) => {
      const failure = formErrorsFromFailure(error, []);
      setErrors({
        ...failure,
        fields: Object.fromEntries(
          Object.entries(failure.fields).map(([key, value]) => [key.replace(/^changes\./, ''), value]),
        ),
      });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const changes: Record<string, unknown> = {
      treatment,
      treatmentDetail: treatment === 'other' ? treatmentDetail : null,
      procedureCodes: procedure,
      diagnosisCodes: diagnosis,
      priority,
      isUrgent,
      assignedAdvocate: assignedAdvocate || null,
      outcome: outcome || null,
      closedOn: closedOn || null,
    };
    for (const [key] of moneyFields) {
      const cents = parseDollarsToCents(money[key] ?? '');
      changes[key] = cents === undefined ? money[key] : cents;
    }
    const parsed = updateCaseInputSchema.safeParse({ caseId: detail.id, changes });
    if (!parsed.success) {
      const zodErrors = formErrorsFromZod(parsed.error);
      return setErrors({
        fields: Object.fromEntries(
          Object.entries(zodErrors.fields).map(([key, value]) => [
            key.replace(/^changes\./, '').replace(/\.\d+$/, ''),
            value,
          ]),
        ),
      });
    }
    setErrors(noErrors);
    save.submit(changes);
  }

  return (
    <>
      <FormDialog
        open={open}
        onOpenChange={onOpenChange}
        title="Case details"
        description={`${detail.caseNumber} · ${detail.clientName}`}
        onSubmit={submit}
        submitLabel="Save details"
        submitDisabled={save.isPending}
        error={errors.form}
      >
        <div className={formStyles.row}>
          <Field label="Treatment" error={errors.fields.treatment}>
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={treatment}
                onChange={(event) => setTreatment(event.target.value as TreatmentKind)}
              >
                {treatmentKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {treatmentLabels[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {treatment === 'other' ? (
            <Field label="Which treatment?" error={errors.fields.treatmentDetail}>
              {(ids) => (
                <input
                  {...ids}
                  className={inputClassName}
                  value={treatmentDetail}
                  onChange={(event) => setTreatmentDetail(event.target.value)}
                />
              )}
            </Field>
          ) : (
            <span />
          )}
        </div>
        <CodePicker
          label="Procedure codes"
          codeSetYear={procedureCodeSetYear}
          options={procedureCodes}
          value={procedure}
          onChange={setProcedure}
          error={errors.fields.procedureCodes}
        />
        <CodePicker
          label="Diagnosis codes"
          codeSetYear={diagnosisCodeSetYear}
          options={diagnosisCodes}
          value={diagnosis}
          onChange={setDiagnosis}
          error={errors.fields.diagnosisCodes}
        />
        <div className={formStyles.row}>
          <Field label="Priority">
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={priority}
                onChange={(event) => setPriority(event.target.value as CasePriority)}
              >
                {casePriorities.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {casePriorityLabels[candidate]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Assigned advocate" optional error={errors.fields.assignedAdvocate}>
            {(ids) => (
              <input
                {...ids}
                className={inputClassName}
                value={assignedAdvocate}
                onChange={(event) => setAssignedAdvocate(event.target.value)}
              />
            )}
          </Field>
        </div>
        <label className={formStyles.choice}>
          <input type="checkbox" checked={isUrgent} onChange={(event) => setIsUrgent(event.target.checked)} />
          Urgent: delay could seriously harm the client's health (urgent clocks of 72 hours apply)
        </label>
        <div className={formStyles.row}>
          <Field label="Outcome" optional>
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={outcome}
                onChange={(event) => setOutcome(event.target.value as CaseOutcome | '')}
              >
                <option value="">Still open</option>
                {caseOutcomes.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {caseOutcomeLabels[candidate]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Closed on" optional error={errors.fields.closedOn}>
            {(ids) => (
              <input
                {...ids}
                className={inputClassName}
                type="date"
                value={closedOn}
                onChange={(event) => setClosedOn(event.target.value)}
              />
            )}
          </Field>
        </div>
        <div className={formStyles.row}>
          {moneyFields.map(([key, label]) => (
            <Field key={key} label={label} optional error={errors.fields[key]}>
              {(ids) => (
                <input
                  {...ids}
                  className={inputClassName}
                  inputMode="decimal"
                  value={money[key]}
                  onChange={(event) => setMoney((current) => ({ ...current, [key]: event.target.value }))}
                />
              )}
            </Field>
          ))}
        </div>
      </FormDialog>
      <EditConflictDialog
        conflict={save.conflict}
        recordKind="case"
        fields={compareFields(
          comparedFields,
          save.unsavedChanges ?? {},
          save.conflict?.current ?? {},
          formatCaseValue,
        )}
        isSaving={save.isPending}
        onSaveMine={save.saveMineOverTheirs}
        onBackToEditing={save.backToEditing}
        onKeepTheirs={() => {
          save.keepTheirs();
          void refreshCaseViews(detail.id);
          onSaved(keptTheirsMessage('case'), { isUndoable: false });
          onOpenChange(false);
        }}
      />
    </>
  );
}
