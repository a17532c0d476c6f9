import type { ReactNode } from 'react';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import type { CostField, CostFormState } from './cost-form-state';
import styles from './Costs.module.css';

type Props = {
  readonly legend: string;
  readonly fields: readonly CostField[];
  readonly state: CostFormState;
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (path: string, text: string) => void;
  readonly children?: ReactNode;
};

/**
 * A group of amount inputs; money accepts "$1,250.00", and each error shows under its input.
 * Blank means "not entered" (the estimate says so), so no input is marked optional.
 */
export function CostFieldset({ legend, fields, state, errors, onChange, children }: Props) {
  return (
    <fieldset className={formStyles.fieldset}>
      <legend className={formStyles.legend}>{legend}</legend>
      {children}
      <div className={styles.fieldGrid}>
        {fields.map((field) => (
          <Field key={field.path} label={field.label} hint={field.hint} error={errors[field.path]}>
            {(ids) => (
              <input
                {...ids}
                className={inputClassName}
                inputMode={field.kind === 'count' ? 'numeric' : 'decimal'}
                placeholder={field.kind === 'money' ? '$0.00' : undefined}
                value={state[field.path] ?? ''}
                onChange={(event) => onChange(field.path, event.target.value)}
              />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
