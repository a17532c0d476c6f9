import styles from './Costs.module.css';

/** "Show the working": the arithmetic behind a figure, step by step, closed until asked for. */
export function WorkingDisclosure({
  label,
  lines,
}: {
  readonly label: string;
  readonly lines: readonly string[];
}) {
  return (
    <details className={styles.working}>
      <summary aria-label={label}>Show the working</summary>
      <ol>
        {lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
    </details>
  );
}
