import { ShieldAlert } from 'lucide-react';
import { resourceKindLabels } from '@shared/domain/resource-kinds';
import type { Resource } from '@shared/schemas/resources';
import { CitationLink } from '../deadlines/CitationLink';
import styles from './Resources.module.css';

/** One resource's facts, with its source and, for an unchecked starter entry, the "Verify before use" badge. */
export function ResourceDetails({
  resource,
  headingLevel = 3,
}: {
  readonly resource: Resource;
  readonly headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className={styles.details}>
      <div className={styles.nameRow}>
        <Heading className={styles.name}>{resource.name}</Heading>
        {resource.needsVerification && (
          <span
            className={styles.verifyBadge}
            title="Taken from a research note: check it against its source before you rely on it."
          >
            <ShieldAlert aria-hidden size={12} /> Verify before use
          </span>
        )}
      </div>
      <p className={styles.meta}>
        {resourceKindLabels[resource.kind]} · {resource.state ?? 'National'}
        {resource.linkedCaseCount > 0 &&
          ` · linked to ${resource.linkedCaseCount} ${resource.linkedCaseCount === 1 ? 'case' : 'cases'}`}
      </p>
      <dl className={styles.facts}>
        {resource.website && (
          <>
            <dt>Website</dt>
            <dd>
              <CitationLink url={resource.website} text={resource.website} />
            </dd>
          </>
        )}
        {resource.phone && (
          <>
            <dt>Phone</dt>
            <dd>{resource.phone}</dd>
          </>
        )}
        {resource.email && (
          <>
            <dt>Email</dt>
            <dd>{resource.email}</dd>
          </>
        )}
        {resource.address && (
          <>
            <dt>Address</dt>
            <dd className={styles.preLine}>{resource.address}</dd>
          </>
        )}
      </dl>
      {resource.notes && <p className={styles.notes}>{resource.notes}</p>}
      {(resource.tags.length > 0 || resource.sourceUrl) && (
        <p className={styles.footerLine}>
          {resource.tags.map((tag) => (
            <span key={tag} className={styles.tag}>
              {tag}
            </span>
          ))}
          {resource.sourceUrl && (
            <span className={styles.source}>
              Source: <CitationLink url={resource.sourceUrl} text={new URL(resource.sourceUrl).host} />
              {!resource.sourceUrl.startsWith('https://') && ` (${resource.sourceUrl})`}
            </span>
          )}
        </p>
      )}
    </div>
  );
}
