import { hrefFor, type CriteriaLibrarySection } from '../../app/routes';
import { CriteriaSetsLibrary } from './CriteriaSetsLibrary';
import { EvidencePacksEditor } from './EvidencePacksEditor';
import styles from './CriteriaLibrary.module.css';

type Props = { readonly section: CriteriaLibrarySection; readonly onAnnounce: (message: string) => void };

/** The payer criteria sets and the evidence packs, to read, duplicate and edit. */
export function CriteriaLibraryPage({ section, onAnnounce }: Props) {
  return (
    <div className={styles.page}>
      <header className={styles.pageHeader}>
        <h1>Criteria library</h1>
        <nav aria-label="Criteria library sections" className={styles.sectionTabs}>
          <a
            href={hrefFor({ name: 'criteria', section: 'sets' })}
            aria-current={section === 'sets' ? 'page' : undefined}
          >
            Payer criteria sets
          </a>
          <a
            href={hrefFor({ name: 'criteria', section: 'packs' })}
            aria-current={section === 'packs' ? 'page' : undefined}
          >
            Evidence packs
          </a>
        </nav>
      </header>
      {section === 'sets' ? (
        <CriteriaSetsLibrary onAnnounce={onAnnounce} />
      ) : (
        <EvidencePacksEditor onAnnounce={onAnnounce} />
      )}
    </div>
  );
}
