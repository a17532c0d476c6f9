import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClinicalFactAnswer, ClinicalFactKey } from '@shared/domain/treatment-history';
import type { ClinicalFactDto } from '@shared/schemas/evidence';
import { callApi } from '../../lib/api';
import { SourceLabel } from './SourceLabel';
import { SourceSelect } from './SourceSelect';
import { parseSourceValue, sourceValue } from './use-case-records';
import styles from './Evidence.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

const answerLabels: Readonly<Record<ClinicalFactAnswer, string>> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Unknown',
};

/**
 * The yes/no facts payer criteria ask about and no other record holds (payer-criteria §2.1 items
 * 3–6): each saved as soon as it changes, with the record that shows it.
 */
export function ClinicalFactsSection({
  caseId,
  onAnnounce,
}: {
  caseId: number;
  onAnnounce: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const canEdit = useCanEditRecords();
  const [errorByKey, setErrorByKey] = useState<Partial<Record<ClinicalFactKey, string>>>({});
  const facts = useQuery({
    queryKey: queryKeys.evidence.clinicalFacts(caseId),
    queryFn: () => callApi('clinicalFacts.list', { caseId }),
  });
  const save = useMutation({
    mutationFn: (fact: ClinicalFactDto & { sourceValue: string }) =>
      callApi('clinicalFacts.set', {
        caseId,
        key: fact.key,
        answer: fact.answer,
        ...parseSourceValue(fact.sourceValue),
        note: fact.note,
      }),
    onSuccess: async (saved) => {
      setErrorByKey((current) => ({ ...current, [saved.key]: undefined }));
      onAnnounce(`${saved.label}: ${answerLabels[saved.answer]}.`);
      await queryClient.invalidateQueries({ queryKey: queryKeys.evidence.clinicalFacts(caseId) });
    },
    onError: (error, fact) => setErrorByKey((current) => ({ ...current, [fact.key]: error.message })),
  });

  return (
    <section aria-labelledby="facts-title" className={styles.section}>
      <h2 id="facts-title" className={styles.sectionTitle}>
        Clinical facts payers ask about
      </h2>
      {canEdit && (
        <p className={styles.muted}>
          Unknown until you record them. Each answer is saved when you change it.
        </p>
      )}
      <table className={`${styles.table} ${styles.factsTable}`}>
        <caption className="visually-hidden">Clinical facts</caption>
        <thead>
          <tr>
            <th scope="col">Fact</th>
            <th scope="col">Answer</th>
            <th scope="col">Shown by</th>
          </tr>
        </thead>
        <tbody>
          {(facts.data ?? []).map((fact) => (
            <tr key={fact.key}>
              <th scope="row" className={styles.rowHeader}>
                {fact.label}
                {errorByKey[fact.key] && (
                  <span className={styles.fieldError} role="alert">
                    {errorByKey[fact.key]}
                  </span>
                )}
              </th>
              {!canEdit ? (
                <>
                  <td>{answerLabels[fact.answer]}</td>
                  <td>
                    <SourceLabel source={fact.source} caseId={caseId} />
                  </td>
                </>
              ) : (
                <>
                  <td>
                    <select
                      className={styles.compactSelect}
                      aria-label={`${fact.label}: answer`}
                      data-answer={fact.answer}
                      value={fact.answer}
                      onChange={(event) =>
                        save.mutate({
                          ...fact,
                          answer: event.target.value as ClinicalFactAnswer,
                          sourceValue: sourceValue(fact.source),
                        })
                      }
                    >
                      {(['unknown', 'yes', 'no'] as const).map((answer) => (
                        <option key={answer} value={answer}>
                          {answerLabels[answer]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <SourceSelect
                      caseId={caseId}
                      ids={{
                        id: `fact-source-${fact.key}`,
                        'aria-describedby': undefined,
                        'aria-invalid': Boolean(errorByKey[fact.key]),
                      }}
                      value={sourceValue(fact.source)}
                      emptyLabel="No record chosen"
                      onChange={(value) => save.mutate({ ...fact, sourceValue: value })}
                    />
                    <label htmlFor={`fact-source-${fact.key}`} className="visually-hidden">
                      {fact.label}: record that shows it
                    </label>
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
