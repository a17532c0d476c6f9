import { formatDays, formatRate } from '@shared/domain/outcome-format';
import type { Destination, PayerBehaviour } from '@shared/schemas/outcomes';
import { FigureInfo } from './FigureInfo';
import styles from './Outcomes.module.css';

/** "1 delivery", "2 deliveries": a count in words, not an internal-looking "×2". */
function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const channelLabels: Readonly<Record<Destination['channel'], string>> = {
  fax: 'Fax',
  mail: 'Mail',
  correspondence: 'Sent to',
};

/** What each payer has shown on the advocate's own cases: speed, overturns, what got through, why it denies. */
export function PayerBehaviourTable({ payers }: { readonly payers: readonly PayerBehaviour[] }) {
  return (
    <section className={`${styles.panel} ${styles.wide}`} aria-labelledby="payer-behaviour-title">
      <header className={styles.panelHeader}>
        <h2 id="payer-behaviour-title" className={styles.panelTitle}>
          Payer behaviour on your cases
        </h2>
      </header>
      {payers.length === 0 ? (
        <p className={styles.muted}>
          Nothing learned yet for this period: payer decisions, submissions with proof of delivery and
          computed payer deadlines on your cases' timelines show up here.
        </p>
      ) : (
        <div className={styles.tableScroll}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Payer</th>
                <th scope="col">
                  <span className={styles.headingWithInfo}>
                    Payer’s decision deadlines <FigureInfo figure="payerResponse" />
                  </span>
                </th>
                <th scope="col">
                  <span className={styles.headingWithInfo}>
                    Overturned on appeal <FigureInfo figure="overturnRate" />
                  </span>
                </th>
                <th scope="col">
                  <span className={styles.headingWithInfo}>
                    Delivered with proof <FigureInfo figure="destinationsThatWorked" />
                  </span>
                </th>
                <th scope="col">
                  <span className={styles.headingWithInfo}>
                    Recurring denial reasons <FigureInfo figure="denialReasons" />
                  </span>
                </th>
              </tr>
            </thead>
            <tbody>
              {payers.map((payer) => (
                <tr key={payer.payer}>
                  <th scope="row">{payer.payer}</th>
                  <td>
                    {payer.answeredOnTime + payer.answeredLate + payer.unansweredPastDue === 0 ? (
                      <span className={styles.muted}>No dated decision deadline</span>
                    ) : (
                      <>
                        {payer.medianResponseDays === null ? (
                          <span className={styles.muted}>Not answered yet</span>
                        ) : (
                          <>
                            {formatDays(payer.medianResponseDays)}{' '}
                            <span className={styles.muted}>
                              (allowed {formatDays(payer.medianAllowedDays)})
                            </span>
                          </>
                        )}
                        <ul className={styles.tags}>
                          <li className={styles.tag} data-tone="good">
                            {payer.answeredOnTime} decided on time
                          </li>
                          <li className={styles.tag} data-tone={payer.answeredLate > 0 ? 'bad' : undefined}>
                            {payer.answeredLate} decided late
                          </li>
                          {payer.unansweredPastDue > 0 && (
                            <li className={styles.tag} data-tone="bad">
                              {payer.unansweredPastDue} undecided past due
                            </li>
                          )}
                        </ul>
                      </>
                    )}
                  </td>
                  <td>
                    {formatRate(payer.overturnRate)}{' '}
                    <span className={styles.muted}>
                      ({payer.overturned} of {payer.appealDecisions})
                    </span>
                  </td>
                  <td>
                    {payer.destinations.length === 0 ? (
                      <span className={styles.muted}>None recorded</span>
                    ) : (
                      <ul className={styles.plainList}>
                        {payer.destinations.map((destination) => (
                          <li key={`${destination.channel}:${destination.destination}`}>
                            {channelLabels[destination.channel]} {destination.destination}{' '}
                            <span className={styles.muted}>
                              · {countOf(destination.deliveries, 'delivery', 'deliveries')} with proof
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {payer.recurringDenialReasons.length === 0 ? (
                      <span className={styles.muted}>None repeated</span>
                    ) : (
                      <ul className={styles.plainList}>
                        {payer.recurringDenialReasons.map((reason) => (
                          <li key={reason.reason}>
                            {reason.reason}{' '}
                            <span className={styles.muted}>
                              · on {countOf(reason.count, 'denial', 'denials')}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
