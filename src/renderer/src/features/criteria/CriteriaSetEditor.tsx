import { useMutation } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { treatmentKinds, treatmentLabels } from '@shared/domain/treatments';
import {
  coveragePositionLabels,
  coveragePositions,
  criteriaSetDefinitionSchema,
  criterionKindLabels,
  policySourceKindLabels,
  policySourceKinds,
  type CriteriaSet,
  type CriteriaSetDefinition,
  type CriterionKind,
} from '@shared/schemas/criteria-sets';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import { FormError } from '../../components/FormError';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { ApiCallError } from '../../lib/api-call-error';
import { formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { CriterionFields } from './CriterionFields';
import { newCriterion } from './criterion-templates';
import styles from './CriteriaLibrary.module.css';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  /** The user set being edited, or null for a new set (a duplicate, when `basedOn` is given). */
  readonly setId: string | null;
  readonly basedOn: string | null;
  readonly initial: CriteriaSetDefinition;
  readonly onSaved: (saved: CriteriaSet) => void;
  readonly onCancel: () => void;
};

const criterionKinds = Object.keys(criterionKindLabels) as CriterionKind[];

/**
 * Writes a criteria set: the policy's particulars, its sources and its criteria of the kinds the
 * app can check. Checked with the same schema the core uses, so each message sits by its field;
 * nothing typed is lost when a check fails.
 */
export function CriteriaSetEditor({ setId, basedOn, initial, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState<CriteriaSetDefinition>(initial);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [kindToAdd, setKindToAdd] = useState<CriterionKind>('failed_trials');
  const save = useMutation({
    mutationFn: (definition: CriteriaSetDefinition) =>
      callApi('criteria.saveSet', { setId, basedOn, definition }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.criteria.all });
      onSaved(saved);
    },
    onError: (error) => {
      // The contract names the field inside the input ("definition.criteria.2.minimumClasses").
      if (error instanceof ApiCallError && error.field?.startsWith('definition.'))
        setErrors({ fields: { [error.field.slice('definition.'.length)]: error.message } });
      else setErrors({ fields: {}, form: error.message });
    },
  });
  const errorAt = (path: string) => errors.fields[path];
  const change = (changes: Partial<CriteriaSetDefinition>) =>
    setDraft((current) => ({ ...current, ...changes }));

  function submit(event: FormEvent): void {
    event.preventDefault();
    const parsed = criteriaSetDefinitionSchema.safeParse(draft);
    if (!parsed.success) {
      const found = formErrorsFromZod(parsed.error);
      setErrors({
        ...found,
        form: 'Some fields need a fix before the set can be saved: see the messages by them.',
      });
      return;
    }
    setErrors(noErrors);
    save.mutate(parsed.data);
  }

  return (
    <form className={formStyles.form} onSubmit={submit} noValidate aria-label="Edit criteria set">
      <div className={formStyles.row}>
        <Field label="Set name" error={errorAt('name')}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={draft.name}
              onChange={(event) => change({ name: event.target.value })}
            />
          )}
        </Field>
        <Field label="Payer" error={errorAt('payer')}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={draft.payer}
              onChange={(event) => change({ payer: event.target.value })}
            />
          )}
        </Field>
      </div>
      <div className={styles.threeColumns}>
        <Field label="Treatment" error={errorAt('treatment')}>
          {(ids) => (
            <select
              {...ids}
              className={inputClassName}
              value={draft.treatment}
              onChange={(event) =>
                change({ treatment: event.target.value as CriteriaSetDefinition['treatment'] })
              }
            >
              {treatmentKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {treatmentLabels[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Policy number" optional error={errorAt('policyNumber')}>
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={draft.policyNumber ?? ''}
              onChange={(event) => change({ policyNumber: event.target.value })}
            />
          )}
        </Field>
        <Field
          label="Policy date"
          optional
          error={errorAt('policyDate')}
          hint="The version's effective or revision date."
        >
          {(ids) => (
            <input
              {...ids}
              type="date"
              className={inputClassName}
              value={draft.policyDate ?? ''}
              onChange={(event) =>
                change({ policyDate: event.target.value.trim() === '' ? null : event.target.value })
              }
            />
          )}
        </Field>
      </div>
      <Field label="Version note" optional error={errorAt('versionNote')}>
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            value={draft.versionNote ?? ''}
            onChange={(event) => change({ versionNote: event.target.value })}
          />
        )}
      </Field>
      <div className={formStyles.row}>
        <Field label="Payer's position" error={errorAt('position')}>
          {(ids) => (
            <select
              {...ids}
              className={inputClassName}
              value={draft.position}
              onChange={(event) =>
                change({ position: event.target.value as CriteriaSetDefinition['position'] })
              }
            >
              {coveragePositions.map((position) => (
                <option key={position} value={position}>
                  {coveragePositionLabels[position]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Payer names this set is the default for"
          optional
          error={errorAt('payerMatch')}
          hint="Words found in a case's payer name, separated by commas (e.g. aetna)."
        >
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={draft.payerMatch.join(', ')}
              onChange={(event) =>
                change({
                  payerMatch: event.target.value
                    .split(',')
                    .map((word) => word.trim().toLowerCase())
                    .filter(Boolean),
                })
              }
            />
          )}
        </Field>
      </div>
      {draft.position !== 'criteria' && (
        <Field
          label="What the payer says, and what the appeal answers"
          optional
          error={errorAt('positionNote')}
        >
          {(ids) => (
            <textarea
              {...ids}
              rows={3}
              className={inputClassName}
              value={draft.positionNote ?? ''}
              onChange={(event) => change({ positionNote: event.target.value })}
            />
          )}
        </Field>
      )}

      <section className={styles.editorSection} aria-labelledby="sources-title">
        <h3 id="sources-title">Sources</h3>
        {errorAt('sources') && (
          <p className={styles.fieldError} role="alert">
            {errorAt('sources')}
          </p>
        )}
        {draft.sources.map((source, index) => (
          <div key={index} className={styles.sourceRow}>
            <Field label="Source name" error={errorAt(`sources.${index}.label`)}>
              {(ids) => (
                <input
                  {...ids}
                  className={inputClassName}
                  value={source.label}
                  onChange={(event) =>
                    change({
                      sources: draft.sources.map((other, otherIndex) =>
                        otherIndex === index ? { ...other, label: event.target.value } : other,
                      ),
                    })
                  }
                />
              )}
            </Field>
            <Field label="Address (https://)" error={errorAt(`sources.${index}.url`)}>
              {(ids) => (
                <input
                  {...ids}
                  className={inputClassName}
                  value={source.url}
                  onChange={(event) =>
                    change({
                      sources: draft.sources.map((other, otherIndex) =>
                        otherIndex === index ? { ...other, url: event.target.value } : other,
                      ),
                    })
                  }
                />
              )}
            </Field>
            <Field label="Read in" error={errorAt(`sources.${index}.kind`)}>
              {(ids) => (
                <select
                  {...ids}
                  className={inputClassName}
                  value={source.kind}
                  onChange={(event) =>
                    change({
                      sources: draft.sources.map((other, otherIndex) =>
                        otherIndex === index
                          ? { ...other, kind: event.target.value as typeof source.kind }
                          : other,
                      ),
                    })
                  }
                >
                  {policySourceKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {policySourceKindLabels[kind]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Date seen" optional error={errorAt(`sources.${index}.seenOn`)}>
              {(ids) => (
                <input
                  {...ids}
                  type="date"
                  className={inputClassName}
                  value={source.seenOn ?? ''}
                  onChange={(event) =>
                    change({
                      sources: draft.sources.map((other, otherIndex) =>
                        otherIndex === index
                          ? { ...other, seenOn: event.target.value.trim() === '' ? null : event.target.value }
                          : other,
                      ),
                    })
                  }
                />
              )}
            </Field>
            <Button
              variant="quiet"
              className={styles.rowButton}
              aria-label={`Remove source ${source.label || index + 1}`}
              onClick={() =>
                change({ sources: draft.sources.filter((_, otherIndex) => otherIndex !== index) })
              }
            >
              <Trash2 aria-hidden size={14} />
            </Button>
          </div>
        ))}
        <div className={styles.inlineActions}>
          <Button
            onClick={() =>
              change({ sources: [...draft.sources, { url: '', label: '', kind: 'payer', seenOn: null }] })
            }
          >
            <Plus aria-hidden size={14} /> Add a source
          </Button>
        </div>
      </section>

      <section className={styles.editorSection} aria-labelledby="criteria-title">
        <h3 id="criteria-title">Criteria</h3>
        {draft.criteria.length === 0 && (
          <p className={styles.muted}>
            No criteria yet. Add each criterion of the policy below, in its own words.
          </p>
        )}
        {draft.criteria.map((criterion, index) => (
          <CriterionFields
            key={criterion.id}
            criterion={criterion}
            errorAt={(path) => errorAt(`criteria.${index}.${path}`)}
            onChange={(next) =>
              change({
                criteria: draft.criteria.map((other, otherIndex) => (otherIndex === index ? next : other)),
              })
            }
            onRemove={() =>
              change({ criteria: draft.criteria.filter((_, otherIndex) => otherIndex !== index) })
            }
          />
        ))}
        <div className={styles.inlineActions}>
          <label className={styles.inlineLabel}>
            <span>Kind of criterion</span>
            <select
              className={inputClassName}
              value={kindToAdd}
              onChange={(event) => setKindToAdd(event.target.value as CriterionKind)}
            >
              {criterionKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {criterionKindLabels[kind]}
                </option>
              ))}
            </select>
          </label>
          <Button
            onClick={() => change({ criteria: [...draft.criteria, newCriterion(kindToAdd, draft.criteria)] })}
          >
            <Plus aria-hidden size={14} /> Add criterion
          </Button>
        </div>
      </section>

      <Field label="Notes" optional error={errorAt('notes')}>
        {(ids) => (
          <textarea
            {...ids}
            rows={2}
            className={inputClassName}
            value={draft.notes ?? ''}
            onChange={(event) => change({ notes: event.target.value })}
          />
        )}
      </Field>
      <FormError message={errors.form} />
      <div className={formStyles.actions}>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" disabled={save.isPending}>
          Save set
        </Button>
      </div>
    </form>
  );
}
