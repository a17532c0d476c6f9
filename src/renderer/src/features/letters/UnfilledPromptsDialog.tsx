import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import formStyles from '../../components/Form.module.css';
import styles from './Letters.module.css';

/** What the user was about to make when the prompts stopped them. */
export type PendingOutput = 'pdf' | 'docx' | 'packet';

const outputNames: Readonly<Record<PendingOutput, string>> = {
  pdf: 'PDF',
  docx: 'Word document',
  packet: 'submission packet',
};

type Props = {
  readonly pending: PendingOutput | null;
  readonly prompts: readonly string[];
  readonly onCancel: () => void;
  readonly onExportDraft: (output: PendingOutput) => void;
};

/**
 * Asked before a letter with bracketed prompts leaves the app: going on
 * prints DRAFT at the top of every page, so a half-finished letter never passes for the real one.
 * "Go back and fill them" is the first button, so Enter does the safe thing.
 */
export function UnfilledPromptsDialog({ pending, prompts, onCancel, onExportDraft }: Props) {
  const count = prompts.length;
  return (
    <Dialog
      open={pending !== null}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      title={`${count} ${count === 1 ? 'prompt is' : 'prompts are'} still to fill`}
      description={`The ${pending ? outputNames[pending] : 'file'} would print these as they are. Fill them first, or export a draft to review: it says DRAFT at the top of every page.`}
    >
      <ul className={styles.promptList} aria-label="Still to fill">
        {prompts.map((prompt) => (
          <li key={prompt}>{prompt}</li>
        ))}
      </ul>
      <div className={formStyles.actions}>
        <Button variant="primary" onClick={onCancel}>
          Go back and fill them
        </Button>
        <Button onClick={() => pending && onExportDraft(pending)}>Export as DRAFT</Button>
      </div>
    </Dialog>
  );
}
