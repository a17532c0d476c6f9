import { useMutation, useQuery } from '@tanstack/react-query';
import { Plus, RotateCcw, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { treatmentLabels } from '@shared/domain/treatments';
import {
  evidencePackSchema,
  evidencePackSectionLabels,
  type EvidenceFact,
  type EvidencePack,
  type EvidencePackView,
} from '@shared/schemas/evidence-packs';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field, inputClassName } from '../../components/Field';
import { FormError } from '../../components/FormError';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { ApiCallError } from '../../lib/api-call-error';
import { formatInstant } from '../../lib/format-date';
import { formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { CitationLink } from '../deadlines/CitationLink';
import styles from './CriteriaLibrary.module.css';
import { queryKeys } from '../../lib/query-keys';

/** The evidence packs for "experimental / investigational" appeals, one per treatment, each fact with its source. */
export function EvidencePacksEditor({ onAnnounce }: { readonly onAnnounce: (message: string) => void }) {
  const packs = useQuery({
    queryKey: queryKeys.criteria.evidencePacks,
    queryFn: () => callApi('evidencePacks.list', {}),
  });
  const [treatment, setTreatment] = useState<string | null>(null);
  if (packs.isPending) return <p className={styles.muted}>Loading the evidence packs…</p>;
  if (packs.isError) return <p role="alert">{packs.error.message}</p>;
  const current = packs.data.find((view) => view.pack.treatment === treatment) ?? packs.data[0];
  if (!current) return <p className={styles.empty}>No evidence packs.</p>;
  return (
    <div className={styles.packs}>
      <div role="tablist" aria-label="Treatment" className={styles.packTabs}>
        {packs.data.map((view) => (
          <button
            key={view.pack.treatment}
            type="button"
            role="tab"
            aria-selected={view.pack.treatment === current.pack.treatment}
            className={styles.packTab}
            onClick={() => setTreatment(view.pack.treatment)}
          >
            {treatmentLabels[view.pack.treatment]}
          </button>
        ))}
      </div>
      <PackForm
        key={`${current.pack.treatment}-${current.updatedAt ?? 'shipped'}`}
        view={current}
        onAnnounce={onAnnounce}
      />
    </div>
  );
}

function newFactId(pack: EvidencePack): string {
  const ids = new Set(pack.sections.flatMap((section) => section.facts.map((fact) => fact.id)));
  let number = ids.size + 1;
  while (ids.has(`fact-${number}`)) number += 1;
  return `fact-${number}`;
}

function PackForm({
  view,
  onAnnounce,
}: {
  readonly view: EvidencePackView;
  readonly onAnnounce: (message: string) => void;
}) {
  const [draft, setDraft] = useState<EvidencePack>(view.pack);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [isConfirmingReset, setIsConfirmingReset] = useState(false);
  const save = useMutation({
    mutationFn: (pack: EvidencePack) => callApi('evidencePacks.save', { pack }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.criteria.evidencePacks });
      onAnnounce(`Saved the ${treatmentLabels[draft.treatment]} evidence pack.`);
    },
    onError: (error) => {
      if (error instanceof ApiCallError && error.field?.startsWith('pack.'))
        setErrors({ fields: { [error.field.slice('pack.'.length)]: error.message } });
      else setErrors({ fields: {}, form: error.message });
    },
  });
  const reset = useMutation({
    mutationFn: () => callApi('evidencePacks.reset', { treatment: draft.treatment }),
    onSuccess: async () => {
      setIsConfirmingReset(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.criteria.evidencePacks });
      onAnnounce(`The ${treatmentLabels[draft.treatment]} evidence pack is back as shipped.`);
    },
  });
  const errorAt = (path: string) => errors.fields[path];

  function updateFact(sectionIndex: number, factIndex: number, next: EvidenceFact | null): void {
    setDraft((current) => ({
      ...current,
      sections: current.sections.map((section, index) =>
        index !== sectionIndex
          ? section
          : {
              ...section,
              facts:
                next === null
                  ? section.facts.filter((_, other) => other !== factIndex)
                  : section.facts.map((fact, other) => (other === factIndex ? next : fact)),
            },
      ),
    }));
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    const parsed = evidencePackSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors({
        ...formErrorsFromZod(parsed.error),
        form: 'Some facts need a fix before the pack can be saved: see the messages by them.',
      });
      return;
    }
    setErrors(noErrors);
    save.mutate(parsed.data);
  }

  return (
    <form
      className={formStyles.form}
      onSubmit={submit}
      noValidate
      aria-label={`${treatmentLabels[draft.treatment]} evidence pack`}
    >
      <p className={styles.muted}>
        {view.isEdited && view.updatedAt
          ? `Your version, saved ${formatInstant(view.updatedAt)}.`
          : 'As shipped with Advocase, from the sources linked by each fact.'}{' '}
        Every fact needs its source. Add the guideline and study citations you rely on.
      </p>
      {draft.sections.map((section, sectionIndex) => (
        <section key={section.kind} className={styles.editorSection} aria-labelledby={`pack-${section.kind}`}>
          <h2 id={`pack-${section.kind}`}>{evidencePackSectionLabels[section.kind]}</h2>
          {section.facts.length === 0 && section.emptyHint && (
            <p className={styles.empty}>{section.emptyHint}</p>
          )}
          {section.facts.map((fact, factIndex) => {
            const path = `sections.${sectionIndex}.facts.${factIndex}`;
            return (
              <fieldset key={fact.id} className={formStyles.fieldset}>
                <legend className={formStyles.legend}>Fact {factIndex + 1}</legend>
                <Field label="Fact" error={errorAt(`${path}.text`)}>
                  {(ids) => (
                    <textarea
                      {...ids}
                      rows={5}
                      className={inputClassName}
                      value={fact.text}
                      onChange={(event) =>
                        updateFact(sectionIndex, factIndex, { ...fact, text: event.target.value })
                      }
                    />
                  )}
                </Field>
                {errorAt(`${path}.sources`) && (
                  <p className={styles.fieldError} role="alert">
                    {errorAt(`${path}.sources`)}
                  </p>
                )}
                {fact.sources.map((source, sourceIndex) => (
                  <div key={sourceIndex} className={styles.citationRow}>
                    <Field label="Source name" error={errorAt(`${path}.sources.${sourceIndex}.label`)}>
                      {(ids) => (
                        <input
                          {...ids}
                          className={inputClassName}
                          value={source.label}
                          onChange={(event) =>
                            updateFact(sectionIndex, factIndex, {
                              ...fact,
                              sources: fact.sources.map((other, index) =>
                                index === sourceIndex ? { ...other, label: event.target.value } : other,
                              ),
                            })
                          }
                        />
                      )}
                    </Field>
                    <Field
                      label="Address (https://)"
                      error={errorAt(`${path}.sources.${sourceIndex}.url`)}
                      hint={
                        /^https:\/\//.test(source.url) ? (
                          <CitationLink url={source.url} text={`Open: ${source.label || source.url}`} />
                        ) : undefined
                      }
                    >
                      {(ids) => (
                        <input
                          {...ids}
                          className={inputClassName}
                          value={source.url}
                          onChange={(event) =>
                            updateFact(sectionIndex, factIndex, {
                              ...fact,
                              sources: fact.sources.map((other, index) =>
                                index === sourceIndex ? { ...other, url: event.target.value } : other,
                              ),
                            })
                          }
                        />
                      )}
                    </Field>
                    <Button
                      variant="quiet"
                      className={styles.rowButton}
                      aria-label={`Remove source ${source.label || sourceIndex + 1}`}
                      onClick={() =>
                        updateFact(sectionIndex, factIndex, {
                          ...fact,
                          sources: fact.sources.filter((_, index) => index !== sourceIndex),
                        })
                      }
                    >
                      <Trash2 aria-hidden size={14} />
                    </Button>
                  </div>
                ))}
                <div className={styles.inlineActions}>
                  <Button
                    onClick={() =>
                      updateFact(sectionIndex, factIndex, {
                        ...fact,
                        sources: [...fact.sources, { label: '', url: '' }],
                      })
                    }
                  >
                    <Plus aria-hidden size={14} /> Add a source
                  </Button>
                  <Button variant="quiet" onClick={() => updateFact(sectionIndex, factIndex, null)}>
                    <Trash2 aria-hidden size={14} /> Remove fact
                  </Button>
                </div>
              </fieldset>
            );
          })}
          <div className={styles.inlineActions}>
            <Button
              onClick={() =>
                setDraft((current) => ({
                  ...current,
                  sections: current.sections.map((other, index) =>
                    index === sectionIndex
                      ? {
                          ...other,
                          facts: [
                            ...other.facts,
                            { id: newFactId(current), text: '', sources: [{ label: '', url: '' }] },
                          ],
                        }
                      : other,
                  ),
                }))
              }
            >
              <Plus aria-hidden size={14} /> Add a fact
            </Button>
          </div>
        </section>
      ))}
      <FormError message={errors.form} />
      <div className={formStyles.actions}>
        {view.isEdited && (
          <Button variant="quiet" onClick={() => setIsConfirmingReset(true)}>
            <RotateCcw aria-hidden size={14} /> Back to the shipped pack
          </Button>
        )}
        <Button variant="primary" type="submit" disabled={save.isPending}>
          Save pack
        </Button>
      </div>
      <Dialog
        open={isConfirmingReset}
        onOpenChange={setIsConfirmingReset}
        title="Go back to the shipped pack?"
        description="Your added and edited facts in this pack will be removed."
      >
        <div className={formStyles.actions}>
          <Button variant="quiet" onClick={() => setIsConfirmingReset(false)}>
            Keep my version
          </Button>
          <Button variant="danger" disabled={reset.isPending} onClick={() => reset.mutate()}>
            Use the shipped pack
          </Button>
        </div>
      </Dialog>
    </form>
  );
}
