import { X } from 'lucide-react';
import { useId, useState } from 'react';
import { findBillingCode, type BillingCode } from '@shared/domain/billing-codes';
import { Button } from '../../components/Button';
import { inputClassName } from '../../components/Field';
import styles from './CaseDetails.module.css';

type Props = {
  readonly label: string;
  readonly codeSetYear: string;
  readonly options: readonly BillingCode[];
  readonly value: readonly string[];
  readonly onChange: (codes: string[]) => void;
  readonly error: string | undefined;
};

/** Codes from the pick list or typed freely (codes change yearly; the list cannot be complete). */
export function CodePicker({ label, codeSetYear, options, value, onChange, error }: Props) {
  const [typed, setTyped] = useState('');
  const id = useId();
  const add = (code: string) => {
    const normalized = code.trim().toUpperCase();
    if (normalized && !value.includes(normalized)) onChange([...value, normalized]);
    setTyped('');
  };
  return (
    <fieldset className={styles.codes} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className={styles.codesLegend}>
        {label} <span className={styles.muted}>({codeSetYear})</span>
      </legend>
      <ul className={styles.chips} aria-label={`${label} chosen`}>
        {value.map((code) => {
          const known = findBillingCode(code);
          return (
            <li key={code} className={styles.chip} title={known?.caution}>
              <strong>{code}</strong> {known ? known.label : 'Not in the list: check the code'}
              {known?.caution && <span className={styles.caution}> ⚠ {known.caution}</span>}
              <button
                type="button"
                className={styles.remove}
                onClick={() => onChange(value.filter((candidate) => candidate !== code))}
                aria-label={`Remove ${code}`}
              >
                <X aria-hidden size={14} />
              </button>
            </li>
          );
        })}
      </ul>
      <div className={styles.addRow}>
        <select
          aria-label={`Add a ${label.toLowerCase().replace(/s$/, '')} from the list`}
          className={inputClassName}
          value=""
          onChange={(event) => add(event.target.value)}
        >
          <option value="">Pick from the list…</option>
          {options
            .filter((option) => !value.includes(option.code))
            .map((option) => (
              <option key={option.code} value={option.code}>
                {option.code} · {option.label}
              </option>
            ))}
        </select>
        <input
          aria-label={`Type a ${label.toLowerCase().replace(/s$/, '')}`}
          className={inputClassName}
          placeholder="Or type a code"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add(typed);
            }
          }}
        />
        <Button onClick={() => add(typed)} disabled={!typed.trim()}>
          Add
        </Button>
      </div>
      {error && (
        <p id={`${id}-error`} className={styles.error} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
