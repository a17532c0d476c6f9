import type { OutcomeFigureId } from '@shared/domain/outcome-definitions';
import {
  approvalRateDetail,
  formatCount,
  formatDays,
  intakeToDecisionDetail,
  formatRate,
  formatWholeDollars,
} from '@shared/domain/outcome-format';
import type { OutcomesHeadline } from '@shared/schemas/outcomes';
import { FigureInfo } from './FigureInfo';
import styles from './Outcomes.module.css';

type Card = {
  readonly figure: OutcomeFigureId;
  readonly label: string;
  readonly value: string;
  readonly detail: string;
};

function cardsOf(headline: OutcomesHeadline): Card[] {
  const deadlinesJudged = headline.deadlinesMet + headline.deadlinesMissed;
  return [
    {
      figure: 'clientsServed',
      label: 'Clients served',
      value: String(headline.clientsServed),
      detail: `${formatCount(headline.casesActive, 'case', 'cases')} worked`,
    },
    {
      figure: 'casesOpened',
      label: 'Cases opened',
      value: String(headline.casesOpened),
      detail: `${headline.casesClosed} closed`,
    },
    {
      figure: 'approvalRate',
      label: 'Approval rate',
      value: formatRate(headline.approvalRate),
      detail: approvalRateDetail(headline),
    },
    {
      figure: 'moneySaved',
      label: 'Money saved for clients',
      value: formatWholeDollars(headline.moneySavedCents),
      detail: `${formatWholeDollars(headline.savedOnCasesCents)} on cases · ${formatWholeDollars(headline.fundingGrantedCents)} funding granted`,
    },
    {
      figure: 'deadlinesMet',
      // Only the advocate's own deadlines: the payer's are counted under Payer behaviour, and the
      // two sections say whose they count so "none fell due" never reads against "1 on time".
      label: 'Your deadlines met',
      value: formatRate(headline.deadlinesMetRate),
      detail:
        deadlinesJudged === 0
          ? 'none of your deadlines fell due (the payer’s are under Payer behaviour)'
          : `${headline.deadlinesMet} met · ${headline.deadlinesMissed} missed`,
    },
    {
      figure: 'medianDaysToDecision',
      label: 'Intake to decision',
      value: formatDays(headline.medianDaysToDecision),
      detail: intakeToDecisionDetail(headline),
    },
  ];
}

export function HeadlineCards({ headline }: { readonly headline: OutcomesHeadline }) {
  return (
    <ul className={styles.cards} aria-label="Headline figures">
      {cardsOf(headline).map((card) => (
        <li key={card.figure} className={styles.card}>
          <div className={styles.cardTop}>
            <span className={styles.cardLabel}>{card.label}</span>
            <FigureInfo figure={card.figure} />
          </div>
          <span className={styles.cardValue}>{card.value}</span>
          <span className={styles.cardDetail}>{card.detail}</span>
        </li>
      ))}
    </ul>
  );
}
