import { useQuery } from '@tanstack/react-query';
import { letterKindLabels } from '@shared/domain/letter-kinds';
import { formatCaseNumber } from '@shared/domain/case-number';
import { hrefFor } from '../../app/routes';
import { callApi } from '../../lib/api';
import { LetterActions } from './LetterActions';
import { LetterDetailsPanel } from './LetterDetailsPanel';
import { LetterEditor } from './LetterEditor';
import { useLetterAutosave, type SaveState } from './use-letter-autosave';
import styles from './Letters.module.css';
import type { Letter } from '@shared/schemas/letters';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

const saveStateWords: Readonly<Record<SaveState['kind'], string>> = {
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  failed: 'Not saved',
};

function SaveStatus({ state }: { readonly state: SaveState }) {
  return (
    <p className={`${styles.saveState} ${styles[`save_${state.kind}`]}`} role="status" aria-live="polite">
      {saveStateWords[state.kind]}
      {state.kind === 'failed'
        ? `: ${state.message} Your text is kept; it is saved again with your next change.`
        : ''}
    </p>
  );
}

function LetterWorkspace({
  letter,
  onAnnounce,
}: {
  readonly letter: Letter;
  readonly onAnnounce: (message: string) => void;
}) {
  const autosave = useLetterAutosave(letter);
  // A team's viewer reads the letter and exports it; its text and status stay as they are.
  const canEdit = useCanEditRecords();
  return (
    <article className={styles.letterPage} aria-labelledby="letter-title">
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <a href={hrefFor({ name: 'caseload' })}>Caseload</a> /{' '}
        <a href={hrefFor({ name: 'case', caseId: letter.caseId, tab: 'timeline' })}>
          {formatCaseNumber(letter.caseId)}
        </a>{' '}
        / <a href={hrefFor({ name: 'case', caseId: letter.caseId, tab: 'letters' })}>Letters</a>
      </nav>
      <header className={styles.letterHeader}>
        <div>
          <h1 id="letter-title" className={styles.letterTitle}>
            {letter.title}
          </h1>
          <p className={styles.muted}>{letterKindLabels[letter.kind]}</p>
        </div>
        {canEdit && <SaveStatus state={autosave.state} />}
      </header>
      <div className={styles.letterLayout}>
        <LetterEditor initialDocument={letter.body} onChange={autosave.change} isReadOnly={!canEdit} />
        <aside className={styles.letterAside} aria-label="About this letter">
          <LetterActions
            letter={letter}
            isSaved={autosave.state.kind === 'saved'}
            canEdit={canEdit}
            onAnnounce={onAnnounce}
          />
          <LetterDetailsPanel letter={letter} canEdit={canEdit} onAnnounce={onAnnounce} />
        </aside>
      </div>
    </article>
  );
}

type Props = {
  readonly letterId: number;
  readonly onAnnounce: (message: string) => void;
};

/** One letter: the editor, what is still to fill, and (from letter-output) how to export it. */
export function LetterPage({ letterId, onAnnounce }: Props) {
  const letter = useQuery({
    queryKey: queryKeys.letters.letter(letterId),
    queryFn: () => callApi('letters.get', { letterId }),
  });
  if (letter.isPending) return <p className={styles.muted}>Opening the letter…</p>;
  if (letter.isError) {
    return (
      <div role="alert">
        <p>{letter.error.message}</p>
        <a href={hrefFor({ name: 'caseload' })}>Back to the caseload</a>
      </div>
    );
  }
  // Keyed by id: the editor reads its text once, then owns it until the page changes letter.
  return <LetterWorkspace key={letter.data.id} letter={letter.data} onAnnounce={onAnnounce} />;
}
