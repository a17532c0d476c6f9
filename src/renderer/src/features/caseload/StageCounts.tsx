import { caseStageLabels, caseStages, type CaseStage } from '@shared/domain/case-stages';
import type { StageCounts as StageCountsData } from '@shared/schemas/caseload';
import styles from './Caseload.module.css';

/** Cases per stage along the pipeline; a click filters to that stage (and another click adds or removes one). */
export function StageCounts({
  counts,
  selected,
  onToggle,
}: {
  counts: StageCountsData | null;
  selected: readonly CaseStage[] | undefined;
  onToggle: (stage: CaseStage) => void;
}) {
  return (
    <ul className={styles.stageCounts} aria-label="Cases per stage">
      {caseStages.map((stage) => {
        const isSelected = selected?.includes(stage) ?? false;
        return (
          <li key={stage}>
            <button
              type="button"
              className={isSelected ? `${styles.stageCount} ${styles.stageCountSelected}` : styles.stageCount}
              aria-pressed={isSelected}
              onClick={() => onToggle(stage)}
              data-stage={stage}
            >
              <span className={styles.stageCountNumber}>{counts ? counts[stage].toLocaleString() : '…'}</span>
              <span className={styles.stageCountLabel}>{caseStageLabels[stage]}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
