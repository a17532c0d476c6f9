import { Info } from 'lucide-react';
import { outcomeFigureDefinitions, type OutcomeFigureId } from '@shared/domain/outcome-definitions';
import styles from './Outcomes.module.css';

/** "How is this counted?": the figure's definition, the same words the funder report prints. */
export function FigureInfo({ figure }: { readonly figure: OutcomeFigureId }) {
  const { label, definition } = outcomeFigureDefinitions[figure];
  return (
    <details className={styles.info}>
      <summary aria-label={`How "${label}" is counted`} title="How this is counted">
        <Info aria-hidden size={14} />
      </summary>
      <p className={styles.infoText}>{definition}</p>
    </details>
  );
}
