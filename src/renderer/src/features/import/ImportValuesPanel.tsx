import { importVocabulary, vocabularyLabel } from '@shared/domain/import-vocabulary';
import type { ImportValue } from '@shared/schemas/import';
import { inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import styles from './Import.module.css';

type Props = {
  readonly values: readonly ImportValue[];
  readonly onChoose: (value: ImportValue, code: string) => void;
};

const originText: Readonly<Record<ImportValue['origin'], string>> = {
  exact: '',
  given: 'as you chose',
  remembered: 'as last time for this source',
  suggested: 'suggested: check it',
  unmapped: 'choose what it means',
};

/**
 * Each value of a plan type, treatment, stage, priority or state column that is not written in
 * Advocase's own words, mapped once for every row that has it ("HMO" must never become
 * Other silently, since the plan type chooses the deadline rules).
 */
export function ImportValuesPanel({ values, onChoose }: Props) {
  const toReview = values.filter((value) => value.origin !== 'exact');
  const exactCount = values.length - toReview.length;
  if (toReview.length === 0) return null;
  const unmapped = toReview.filter((value) => value.code === null).length;
  return (
    <fieldset className={formStyles.fieldset}>
      <legend className={formStyles.legend}>
        Values{' '}
        <span className={styles.muted}>
          ({unmapped > 0 ? `${unmapped} to choose; ` : ''}
          {exactCount > 0
            ? `${exactCount} other${exactCount === 1 ? '' : 's'} already in Advocase's words`
            : 'each is remembered for this source'}
          )
        </span>
      </legend>
      <div className={styles.valuesGrid}>
        {toReview.map((value) => (
          <label key={`${value.field}|${value.value}`} className={styles.valueRow}>
            <span>
              “{value.value}” in {value.column}{' '}
              <span className={styles.muted}>
                ({value.rowCount} row{value.rowCount === 1 ? '' : 's'}, {originText[value.origin]})
              </span>
            </span>
            <select
              className={`${inputClassName} ${value.code === null ? styles.needsChoice : ''}`}
              value={value.code ?? ''}
              onChange={(event) => onChoose(value, event.target.value)}
            >
              <option value="" disabled>
                — choose —
              </option>
              {importVocabulary[value.field].map((choice) => (
                <option key={choice.code} value={choice.code}>
                  {choice.label}
                </option>
              ))}
            </select>
            {value.code !== null && value.origin === 'suggested' && (
              <span className={styles.muted}>Read as {vocabularyLabel(value.field, value.code)}.</span>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
