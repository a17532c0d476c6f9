import type { CriteriaSet } from '@shared/schemas/criteria-sets';
import { coveragePositionLabels, policySourceKindLabels } from '@shared/schemas/criteria-sets';
import { formatCalendarDate } from '../../lib/format-date';
import { CitationLink } from '../deadlines/CitationLink';
import styles from './Criteria.module.css';

/**
 * Where a criteria set comes from: payer, policy number, the version's date (or that it is
 * unknown) with the reminder to look for a newer one, and every source with how it was read.
 */
export function PolicyHeader({ set }: { readonly set: CriteriaSet }) {
  const { definition } = set;
  return (
    <div className={styles.policy}>
      <dl className={styles.policyFacts}>
        <div>
          <dt>Payer</dt>
          <dd>{definition.payer}</dd>
        </div>
        <div>
          <dt>Policy number</dt>
          <dd>{definition.policyNumber ?? 'Not given'}</dd>
        </div>
        <div>
          <dt>Policy date</dt>
          <dd>
            {definition.policyDate ? (
              formatCalendarDate(definition.policyDate)
            ) : (
              <span className={styles.warningText}>Date unknown — check for the current version</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Position</dt>
          <dd>{coveragePositionLabels[definition.position]}</dd>
        </div>
      </dl>
      <p className={styles.checkNewer} role="note">
        Payers revise these policies several times a year. Check the payer&apos;s site for a newer version
        before you build a request or an appeal.
        {set.isSeenViaAggregator &&
          ' Some of these criteria were read on a policy aggregator, not in the payer’s own document: confirm them there.'}
      </p>
      {definition.versionNote && <p className={styles.muted}>{definition.versionNote}</p>}
      <ul className={styles.sources} aria-label="Sources">
        {definition.sources.map((source) => (
          <li key={source.url}>
            <CitationLink url={source.url} text={source.label} />{' '}
            <span className={styles.sourceKind}>
              {policySourceKindLabels[source.kind]}
              {source.seenOn ? `, seen ${formatCalendarDate(source.seenOn)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
