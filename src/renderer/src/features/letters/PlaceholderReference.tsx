import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../lib/api';
import styles from './Templates.module.css';
import { queryKeys } from '../../lib/query-keys';

/** Every placeholder a template may use and what fills it (the same list as docs/letter-placeholders.md). */
export function PlaceholderReference() {
  const placeholders = useQuery({
    queryKey: queryKeys.letterTemplates.placeholders,
    queryFn: () => callApi('letterTemplates.placeholders', {}),
    staleTime: Infinity,
  });
  return (
    <details className={styles.reference}>
      <summary>Placeholders and what fills them</summary>
      <table className={styles.referenceTable}>
        <thead>
          <tr>
            <th scope="col">Placeholder</th>
            <th scope="col">Filled from</th>
            <th scope="col">When the case lacks it</th>
          </tr>
        </thead>
        <tbody>
          {(placeholders.data ?? []).map((placeholder) => (
            <tr key={placeholder.name}>
              <td>
                <code>{`{{${placeholder.name}}}`}</code>
                {placeholder.isBlock && <span className={styles.blockTag}> block</span>}
              </td>
              <td>{placeholder.filledFrom}</td>
              <td>{placeholder.whenMissing === '—' ? 'Always filled' : placeholder.whenMissing}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
