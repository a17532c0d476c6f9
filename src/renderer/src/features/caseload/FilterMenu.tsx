import { Disclosure } from './Disclosure';
import styles from './Caseload.module.css';

export type FilterOption<T> = { readonly value: T; readonly label: string };

/** One column's filter: tick any values; none ticked means no filter. */
export function FilterMenu<T extends string | null>({
  title,
  options,
  selected,
  onChange,
}: {
  title: string;
  options: readonly FilterOption<T>[];
  selected: readonly T[] | undefined;
  onChange: (values: T[] | undefined) => void;
}) {
  const chosen = selected ?? [];
  const summary =
    chosen.length === 0
      ? title
      : chosen.length === 1
        ? `${title}: ${options.find((option) => option.value === chosen[0])?.label ?? chosen[0] ?? 'None'}`
        : `${title} (${chosen.length})`;
  const toggle = (value: T, isChecked: boolean) => {
    const next = isChecked ? [...chosen, value] : chosen.filter((item) => item !== value);
    onChange(next.length > 0 ? next : undefined);
  };
  return (
    <Disclosure
      summary={summary}
      label={`Filter by ${title.toLowerCase()}: ${chosen.length ? summary : 'any'}`}
      isActive={chosen.length > 0}
    >
      <fieldset className={styles.optionList}>
        <legend className="visually-hidden">{title}</legend>
        {options.length === 0 && <p className={styles.hint}>Nothing to choose yet.</p>}
        {options.map((option) => (
          <label key={option.value ?? '(none)'} className={styles.option}>
            <input
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {chosen.length > 0 && (
        <button type="button" className={styles.linkButton} onClick={() => onChange(undefined)}>
          Clear {title.toLowerCase()} filter
        </button>
      )}
    </Disclosure>
  );
}
