import { costScenarioLabels, type TreatmentCostEstimate } from '@shared/schemas/cost-estimates';
import { formatCents } from '../../lib/money';
import { WorkingDisclosure } from './WorkingDisclosure';
import styles from './Costs.module.css';

/** What the client would pay under each way of paying, one row per scenario, its row header the scenario's name. */
export function ScenarioTable({ estimate }: { readonly estimate: TreatmentCostEstimate }) {
  return (
    <table className={styles.table} aria-label="What the client would pay">
      <thead>
        <tr>
          <th scope="col">Scenario</th>
          <th scope="col" className={styles.amount}>
            Client pays
          </th>
          <th scope="col" className={styles.amount}>
            Plan pays
          </th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        {estimate.scenarios.map((scenario) => (
          <tr key={scenario.scenario}>
            <th scope="row">{costScenarioLabels[scenario.scenario]}</th>
            <td className={styles.amount}>
              {scenario.isEstimated ? (
                <strong>{formatCents(scenario.clientPaysCents)}</strong>
              ) : (
                <span className={styles.muted}>Not estimated</span>
              )}
            </td>
            <td className={styles.amount}>
              {scenario.isEstimated ? formatCents(scenario.planPaysCents) : '—'}
            </td>
            <td>
              {scenario.notes.length > 0 && (
                <ul className={styles.notes}>
                  {scenario.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              )}
              {scenario.working.length > 0 && (
                <WorkingDisclosure
                  label={`Show the working: ${costScenarioLabels[scenario.scenario]}`}
                  lines={scenario.working}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
