import type { ReactNode } from 'react';
import { Field, inputClassName } from './Field';

type MoneyFieldProps = {
  readonly label: string;
  /** The amount as typed, in dollars; the form turns it into cents when it is sent. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  readonly optional?: boolean;
};

/** An amount of money: a text field with the number keyboard and a "$" placeholder. */
export function MoneyField({ value, onChange, ...field }: MoneyFieldProps) {
  return (
    <Field {...field}>
      {(ids) => (
        <input
          {...ids}
          className={inputClassName}
          inputMode="decimal"
          placeholder="$"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
