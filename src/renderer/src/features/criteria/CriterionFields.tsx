import { Trash2 } from 'lucide-react';
import {
  clinicalFactKeys,
  clinicalFactLabels,
  scoreInstruments,
  scoreRanges,
} from '@shared/domain/treatment-history';
import {
  criterionKindLabels,
  currentEpisodeRules,
  type Criterion,
  type CurrentEpisodeRule,
} from '@shared/schemas/criteria-sets';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import styles from './CriteriaLibrary.module.css';

type Props = {
  readonly criterion: Criterion;
  /** Messages keyed by path inside this criterion ("minimumClasses", "thresholds.0.minimumScore"). */
  readonly errorAt: (path: string) => string | undefined;
  readonly onChange: (next: Criterion) => void;
  readonly onRemove: () => void;
};

const currentEpisodeLabels = {
  each: 'Each trial in the current episode',
  at_least_one: 'At least one trial in the current episode',
  not_required: 'Any episode',
} as const;

/** A blank number box means "none" where the policy names no number. */
function optionalNumber(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

function requiredNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function NumberField(props: {
  readonly label: string;
  readonly value: number | null;
  readonly error: string | undefined;
  readonly optional?: boolean;
  readonly hint?: string;
  readonly onChange: (text: string) => void;
}) {
  return (
    <Field label={props.label} error={props.error} optional={props.optional} hint={props.hint}>
      {(ids) => (
        <input
          {...ids}
          type="number"
          inputMode="numeric"
          className={inputClassName}
          value={props.value === null || Number.isNaN(props.value) ? '' : props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** The fields of one criterion, by kind: what the evaluator needs to check it against the facts. */
export function CriterionFields({ criterion, errorAt, onChange, onRemove }: Props) {
  return (
    <fieldset className={formStyles.fieldset}>
      <legend className={formStyles.legend}>{criterionKindLabels[criterion.kind]}</legend>
      <Field label="Wording in the policy" error={errorAt('text')}>
        {(ids) => (
          <textarea
            {...ids}
            rows={3}
            className={inputClassName}
            value={criterion.text}
            onChange={(event) => onChange({ ...criterion, text: event.target.value })}
          />
        )}
      </Field>
      <KindFields criterion={criterion} errorAt={errorAt} onChange={onChange} />
      <div>
        <Button
          variant="quiet"
          onClick={onRemove}
          aria-label={`Remove criterion: ${criterion.text || criterionKindLabels[criterion.kind]}`}
        >
          <Trash2 aria-hidden size={14} /> Remove criterion
        </Button>
      </div>
    </fieldset>
  );
}

function KindFields({ criterion, errorAt, onChange }: Omit<Props, 'onRemove'>) {
  switch (criterion.kind) {
    case 'age':
      return (
        <div className={formStyles.row}>
          <NumberField
            label="Minimum age"
            value={criterion.minimumAge}
            error={errorAt('minimumAge')}
            onChange={(text) => onChange({ ...criterion, minimumAge: requiredNumber(text) })}
          />
          <NumberField
            label="Maximum age"
            optional
            value={criterion.maximumAge}
            error={errorAt('maximumAge')}
            onChange={(text) => onChange({ ...criterion, maximumAge: optionalNumber(text) })}
          />
        </div>
      );
    case 'diagnosis':
      return (
        <Field
          label="ICD-10-CM codes or code beginnings"
          error={errorAt('codePrefixes') ?? errorAt('codePrefixes.0')}
          hint="Separated by commas, e.g. F32, F33 (every MDD code) or F33.2 (one code)."
        >
          {(ids) => (
            <input
              {...ids}
              className={inputClassName}
              value={criterion.codePrefixes.join(', ')}
              onChange={(event) =>
                onChange({
                  ...criterion,
                  codePrefixes: event.target.value
                    .split(',')
                    .map((code) => code.trim())
                    .filter(Boolean),
                })
              }
            />
          )}
        </Field>
      );
    case 'failed_trials':
      return (
        <>
          <div className={styles.threeColumns}>
            <NumberField
              label="Number of antidepressants (N)"
              value={criterion.minimumTrials}
              error={errorAt('minimumTrials')}
              onChange={(text) => onChange({ ...criterion, minimumTrials: requiredNumber(text) })}
            />
            <NumberField
              label="Different classes (K)"
              value={criterion.minimumClasses}
              error={errorAt('minimumClasses')}
              onChange={(text) => onChange({ ...criterion, minimumClasses: requiredNumber(text) })}
            />
            <NumberField
              label="Weeks at therapeutic dose (W)"
              optional
              value={criterion.minimumWeeks}
              error={errorAt('minimumWeeks')}
              onChange={(text) => onChange({ ...criterion, minimumWeeks: optionalNumber(text) })}
            />
            <NumberField
              label="Weeks for a partial response"
              optional
              value={criterion.partialResponseMinimumWeeks}
              error={errorAt('partialResponseMinimumWeeks')}
              onChange={(text) =>
                onChange({ ...criterion, partialResponseMinimumWeeks: optionalNumber(text) })
              }
            />
            <NumberField
              label="Ended within (years)"
              optional
              value={criterion.withinYears}
              error={errorAt('withinYears')}
              onChange={(text) => onChange({ ...criterion, withinYears: optionalNumber(text) })}
            />
            <Field label="Current episode" error={errorAt('currentEpisode')}>
              {(ids) => (
                <select
                  {...ids}
                  className={inputClassName}
                  value={criterion.currentEpisode}
                  onChange={(event) =>
                    onChange({ ...criterion, currentEpisode: event.target.value as CurrentEpisodeRule })
                  }
                >
                  {currentEpisodeRules.map((rule) => (
                    <option key={rule} value={rule}>
                      {currentEpisodeLabels[rule]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <label className={formStyles.choice}>
            <input
              type="checkbox"
              checked={criterion.doesIntoleranceCountWithoutDuration}
              onChange={(event) =>
                onChange({ ...criterion, doesIntoleranceCountWithoutDuration: event.target.checked })
              }
            />
            A trial stopped for intolerable side effects counts whatever its length
          </label>
        </>
      );
    case 'augmentation':
      return (
        <>
          <div className={formStyles.row}>
            <NumberField
              label="Number of augmentation trials"
              value={criterion.minimumTrials}
              error={errorAt('minimumTrials')}
              onChange={(text) => onChange({ ...criterion, minimumTrials: requiredNumber(text) })}
            />
            <NumberField
              label="Weeks of augmentation"
              optional
              value={criterion.minimumWeeks}
              error={errorAt('minimumWeeks')}
              onChange={(text) => onChange({ ...criterion, minimumWeeks: optionalNumber(text) })}
            />
          </div>
          <label className={formStyles.choice}>
            <input
              type="checkbox"
              checked={criterion.doesPsychotherapyCount}
              onChange={(event) => onChange({ ...criterion, doesPsychotherapyCount: event.target.checked })}
            />
            Evidence-based psychotherapy counts instead
          </label>
        </>
      );
    case 'baseline_score':
      return (
        <>
          {criterion.thresholds.map((threshold, index) => (
            <div key={index} className={styles.thresholdRow}>
              <Field label="Rating scale" error={errorAt(`thresholds.${index}.instrument`)}>
                {(ids) => (
                  <select
                    {...ids}
                    className={inputClassName}
                    value={threshold.instrument}
                    onChange={(event) =>
                      onChange({
                        ...criterion,
                        thresholds: criterion.thresholds.map((other, otherIndex) =>
                          otherIndex === index
                            ? { ...other, instrument: event.target.value as typeof threshold.instrument }
                            : other,
                        ),
                      })
                    }
                  >
                    {scoreInstruments.map((instrument) => (
                      <option key={instrument} value={instrument}>
                        {instrument} ({scoreRanges[instrument].min}–{scoreRanges[instrument].max})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <NumberField
                label="Minimum score"
                optional
                hint="Blank: any recorded score will do."
                value={threshold.minimumScore}
                error={errorAt(`thresholds.${index}.minimumScore`)}
                onChange={(text) =>
                  onChange({
                    ...criterion,
                    thresholds: criterion.thresholds.map((other, otherIndex) =>
                      otherIndex === index ? { ...other, minimumScore: optionalNumber(text) } : other,
                    ),
                  })
                }
              />
              <Button
                variant="quiet"
                className={styles.rowButton}
                aria-label={`Remove ${threshold.instrument}`}
                disabled={criterion.thresholds.length === 1}
                onClick={() =>
                  onChange({
                    ...criterion,
                    thresholds: criterion.thresholds.filter((_, otherIndex) => otherIndex !== index),
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
                onChange({
                  ...criterion,
                  thresholds: [...criterion.thresholds, { instrument: 'MADRS', minimumScore: null }],
                })
              }
            >
              Add a rating scale
            </Button>
          </div>
          <NumberField
            label="Taken within (days)"
            optional
            value={criterion.withinDays}
            error={errorAt('withinDays')}
            onChange={(text) => onChange({ ...criterion, withinDays: optionalNumber(text) })}
          />
        </>
      );
    case 'clinical_fact':
      return (
        <div className={formStyles.row}>
          <Field label="Clinical fact" error={errorAt('factKey')}>
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={criterion.factKey}
                onChange={(event) =>
                  onChange({ ...criterion, factKey: event.target.value as typeof criterion.factKey })
                }
              >
                {clinicalFactKeys.map((key) => (
                  <option key={key} value={key}>
                    {clinicalFactLabels[key]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Must be" error={errorAt('requiredAnswer')}>
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={criterion.requiredAnswer}
                onChange={(event) =>
                  onChange({ ...criterion, requiredAnswer: event.target.value as 'yes' | 'no' })
                }
              >
                <option value="yes">Yes</option>
                <option value="no">No</option>
              </select>
            )}
          </Field>
        </div>
      );
    case 'manual':
      return (
        <Field label="What to look for in the records" optional error={errorAt('guidance')}>
          {(ids) => (
            <textarea
              {...ids}
              rows={2}
              className={inputClassName}
              value={criterion.guidance ?? ''}
              onChange={(event) => onChange({ ...criterion, guidance: event.target.value })}
            />
          )}
        </Field>
      );
  }
}
