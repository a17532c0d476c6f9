import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { scoreInstruments, scoreRanges, type ScoreInstrument } from '@shared/domain/treatment-history';
import { symptomScoreFieldsSchema, type SymptomScoreDto } from '@shared/schemas/treatment-history';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import { SourceLabel } from './SourceLabel';
import { SourceSelect } from './SourceSelect';
import { parseSourceValue } from './use-case-records';
import styles from './Evidence.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

/** One calm colour per scale, told apart by the legend's words and the table too. */
const instrumentColours: Readonly<Record<ScoreInstrument, string>> = {
  'PHQ-9': '#2d5b88',
  MADRS: '#b7791f',
  'GAD-7': '#1d6b45',
  'HAM-D': '#6b3fa0',
  QIDS: '#8a3b12',
  'BDI-II': '#566170',
};

type Props = {
  readonly caseId: number;
  readonly clientId: number;
  readonly onAnnounce: (message: string) => void;
};

/** Rating-scale scores over time: a small chart, and the same numbers in a table for screen readers and printing. */
export function SymptomScoresSection({ caseId, clientId, onAnnounce }: Props) {
  const queryClient = useQueryClient();
  const [instrument, setInstrument] = useState<ScoreInstrument>('PHQ-9');
  const [score, setScore] = useState('');
  const [takenOn, setTakenOn] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const canEdit = useCanEditRecords();
  const scores = useQuery({
    queryKey: queryKeys.treatmentHistory.symptomScores(clientId),
    queryFn: () => callApi('symptomScores.list', { clientId }),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.treatmentHistory.ofClient(clientId) });
    await queryClient.invalidateQueries({ queryKey: queryKeys.evidence.all });
    await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.ofCases });
  };
  const add = useMutation({
    mutationFn: (fields: ReturnType<typeof symptomScoreFieldsSchema.parse>) =>
      callApi('symptomScores.add', { clientId, score: fields }),
    onSuccess: async (saved) => {
      onAnnounce(`Recorded ${saved.instrument} ${saved.score} on ${formatCalendarDate(saved.takenOn)}.`);
      setScore('');
      await refresh();
    },
    onError: (error) => {
      const found = formErrorsFromFailure(error, [
        'score.score',
        'score.takenOn',
        'score.sourceDocumentId',
        'score.sourceEventId',
      ]);
      setErrors({
        ...found,
        fields: Object.fromEntries(
          Object.entries(found.fields).map(([key, message]) => [key.replace(/^score\./, ''), message]),
        ),
      });
    },
  });
  const remove = useMutation({
    mutationFn: (target: SymptomScoreDto) => callApi('symptomScores.remove', { scoreId: target.id }),
    onSuccess: async (_output, target) => {
      onAnnounce(
        `Removed ${target.instrument} ${target.score} of ${formatCalendarDate(target.takenOn)}. Ctrl+Z puts it back.`,
      );
      await refresh();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = symptomScoreFieldsSchema.safeParse({
      instrument,
      score: score.trim() === '' ? undefined : Number(score),
      takenOn,
      ...parseSourceValue(source),
    });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    add.mutate(parsed.data);
  }

  const rows = scores.data ?? [];
  const used = scoreInstruments.filter((candidate) => rows.some((row) => row.instrument === candidate));
  // One point per date; each scale its own key, so the lines share one time axis.
  const byDate = new Map<string, Record<string, number | string>>();
  for (const row of rows) {
    const point = byDate.get(row.takenOn) ?? { takenOn: row.takenOn };
    point[row.instrument] = row.score;
    byDate.set(row.takenOn, point);
  }
  const points = [...byDate.values()];
  const range = scoreRanges[instrument];

  return (
    <section aria-labelledby="scores-title" className={styles.section}>
      <h2 id="scores-title" className={styles.sectionTitle}>
        Symptom scores
      </h2>
      {canEdit && (
        <form className={styles.inlineForm} onSubmit={submit} noValidate aria-label="Record a score">
          <Field label="Scale">
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={instrument}
                onChange={(event) => setInstrument(event.target.value as ScoreInstrument)}
              >
                {scoreInstruments.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {candidate}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Score" hint={`${range.min}–${range.max}`} error={errors.fields.score}>
            {(ids) => (
              <input
                {...ids}
                className={inputClassName}
                type="number"
                inputMode="numeric"
                value={score}
                onChange={(event) => setScore(event.target.value)}
              />
            )}
          </Field>
          <Field label="Date taken" error={errors.fields.takenOn}>
            {(ids) => (
              <input
                {...ids}
                className={inputClassName}
                type="date"
                value={takenOn}
                onChange={(event) => setTakenOn(event.target.value)}
              />
            )}
          </Field>
          <Field
            label="Source"
            optional
            error={errors.fields.sourceDocumentId ?? errors.fields.sourceEventId}
          >
            {(ids) => <SourceSelect caseId={caseId} ids={ids} value={source} onChange={setSource} />}
          </Field>
          <Button type="submit" variant="primary" disabled={add.isPending} className={styles.inlineSubmit}>
            Record score
          </Button>
        </form>
      )}
      <FormError message={errors.form} />
      {scores.isSuccess && rows.length === 0 ? (
        <p className={styles.empty}>
          {canEdit
            ? 'No scores yet. Record the baseline PHQ-9, MADRS, HAM-D or QIDS with its date: payers ask for it.'
            : 'No scores recorded.'}
        </p>
      ) : (
        <div className={styles.scores}>
          <div className={styles.chart} aria-hidden="true">
            <ResponsiveContainer width="100%" height={220}>
              <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid stroke="#d9dee5" strokeDasharray="3 3" />
                <XAxis
                  dataKey="takenOn"
                  interval="preserveStartEnd"
                  padding={{ left: 16, right: 16 }}
                  tickFormatter={(value: string) => formatCalendarDate(value)}
                  fontSize={12}
                />
                <YAxis allowDecimals={false} fontSize={12} width={32} />
                <Tooltip
                  labelFormatter={(value) => (typeof value === 'string' ? formatCalendarDate(value) : '')}
                />
                <Legend />
                {used.map((candidate) => (
                  <Line
                    key={candidate}
                    type="monotone"
                    dataKey={candidate}
                    stroke={instrumentColours[candidate]}
                    strokeWidth={2}
                    connectNulls
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <table className={styles.table}>
            <caption className={styles.caption}>Scores, oldest first (higher is more severe)</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Scale</th>
                <th scope="col">Score</th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className={styles.nowrap}>{formatCalendarDate(row.takenOn)}</td>
                  <td>{row.instrument}</td>
                  <td>
                    {row.score}{' '}
                    <span className={styles.subtleInline}>of {scoreRanges[row.instrument].max}</span>
                  </td>
                  <td>
                    <SourceLabel source={row.source} caseId={caseId} />
                  </td>
                  <td className={styles.rowActions}>
                    {canEdit && (
                      <Button
                        variant="quiet"
                        onClick={() => remove.mutate(row)}
                        aria-label={`Remove ${row.instrument} ${row.score} of ${formatCalendarDate(row.takenOn)}`}
                      >
                        <Trash2 aria-hidden size={14} />
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
