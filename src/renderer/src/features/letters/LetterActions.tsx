import type { Letter } from '@shared/schemas/letters';
import styles from './Letters.module.css';

type Props = {
  readonly letter: Letter;
  /** False while an edit is still being saved: export what is on screen only once it is stored. */
  readonly isSaved: boolean;
};

/**
 * What happens to the finished letter. Lists the prompts still to fill before it can go out; the
 * letter-output feature adds its export buttons (PDF, Word, submission packet) here, after the list.
 */
export function LetterActions({ letter, isSaved }: Props) {
  const prompts = letter.unfilledPrompts;
  return (
    <section className={styles.sidePanel} aria-labelledby="letter-actions-title">
      <h2 id="letter-actions-title" className={styles.sideTitle}>
        Before you send it
      </h2>
      {prompts.length === 0 ? (
        <p className={styles.ready}>
          <span className={styles.readyBadge}>Complete</span> Every fact is filled in.
          {isSaved ? '' : ' Saving your last change…'}
        </p>
      ) : (
        <>
          <p className={styles.warningText}>
            <span className={styles.warningBadge}>{prompts.length} to fill</span> Replace each bracketed
            prompt in the letter, or record the fact on the case and make the letter again.
          </p>
          <ul className={styles.promptList} aria-label="Still to fill">
            {prompts.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
