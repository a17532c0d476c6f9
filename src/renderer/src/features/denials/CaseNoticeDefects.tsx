import { useQuery } from '@tanstack/react-query';
import { noticeElementLabels, noticeFindingLabels } from '@shared/domain/notice-element-labels';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import styles from './Denials.module.css';
import { queryKeys } from '../../lib/query-keys';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * What the case's denial notice left out or got wrong under the law, beside the deadlines: the
 * appeal letters argue each of these (docs/domain/denial-and-appeal-content.md §1).
 */
export function CaseNoticeDefects({ caseId }: { readonly caseId: number }) {
  const notices = useQuery({
    queryKey: queryKeys.denials.ofCase(caseId),
    queryFn: () => callApi('denials.listForCase', { caseId }),
  });
  const latest = notices.data?.[0];
  if (!latest) return null;
  const missing = latest.noticeCheck.elements.filter((element) => element.status === 'missing');
  const { findings } = latest.noticeCheck;
  if (missing.length === 0 && findings.length === 0) return null;
  return (
    <section className={styles.defectsPanel} aria-labelledby="notice-defects-title">
      <h2 id="notice-defects-title">
        Problems in the denial notice of {formatCalendarDate(latest.noticeDate)}
      </h2>
      <ul className={styles.defects}>
        {findings.map((finding) => (
          <li key={finding.id}>
            <strong>{noticeFindingLabels[finding.id]}.</strong> {finding.message}{' '}
            <cite className={styles.citation}>{finding.citation}</cite>
          </li>
        ))}
      </ul>
      {missing.length > 0 && (
        <details className={styles.missingElements}>
          <summary>
            The notice leaves out {missing.length} element{missing.length === 1 ? '' : 's'} the law requires
          </summary>
          <ul className={styles.defects}>
            {missing.map((element) => (
              <li key={element.id}>
                Missing: {lowerFirst(noticeElementLabels[element.id])}.{' '}
                <cite className={styles.citation}>{element.citation}</cite>
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className={styles.citation}>
        The appeal letters argue each of these. Guidance from the regulations, not legal advice.
      </p>
    </section>
  );
}
