import { caseStageLabels, type CaseStage } from '@shared/domain/case-stages';
import styles from './Caseload.module.css';

const toneForStage: Readonly<Record<CaseStage, string>> = {
  intake: 'neutral',
  benefits_verification: 'neutral',
  evidence_gathering: 'neutral',
  prior_auth_submitted: 'waiting',
  decision: 'waiting',
  denied: 'danger',
  internal_appeal_1: 'appeal',
  internal_appeal_2: 'appeal',
  external_review: 'appeal',
  approved: 'done',
  alternative_funding: 'funding',
  resolved: 'done',
};

/** The stage in words, tinted by phase: colour helps scanning but never carries meaning alone. */
export function StageBadge({ stage }: { stage: CaseStage }) {
  return <span className={`${styles.badge} ${styles[toneForStage[stage]]}`}>{caseStageLabels[stage]}</span>;
}
