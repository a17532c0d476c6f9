import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  verificationTargetLabels,
  verificationTargets,
  type VerificationQuestion,
  type VerificationTarget,
} from '@shared/domain/benefits-verification';
import { verificationScriptSchema } from '@shared/schemas/verification';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import styles from './Verification.module.css';
import { FormError } from '../../components/FormError';
import { queryKeys } from '../../lib/query-keys';

/** Settings: the verification call's questions are the user's to word, add to and reorder. */
export function VerificationScriptEditor({ onSaved }: { onSaved: (announcement: string) => void }) {
  const script = useQuery({
    queryKey: queryKeys.verification.script,
    queryFn: () => callApi('verification.getScript', {}),
  });
  const [draft, setDraft] = useState<VerificationQuestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const questions = draft ?? script.data ?? [];
  const save = useMutation({
    mutationFn: (next: VerificationQuestion[]) => callApi('verification.saveScript', { questions: next }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.verification.script, saved);
      setDraft(null);
      onSaved('Verification questions saved.');
    },
    onError: (failure) => setError(failure.message),
  });

  const edit = (index: number, change: Partial<VerificationQuestion>) =>
    setDraft(
      questions.map((question, position) => (position === index ? { ...question, ...change } : question)),
    );
  const move = (index: number, offset: number) => {
    const next = [...questions];
    const [moved] = next.splice(index, 1);
    next.splice(index + offset, 0, moved!);
    setDraft(next);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = verificationScriptSchema.safeParse(questions);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the questions.');
    setError(null);
    save.mutate(parsed.data);
  }

  return (
    <form className={formStyles.form} onSubmit={submit} noValidate>
      <fieldset className={formStyles.fieldset}>
        <legend className={formStyles.legend}>Benefits verification questions</legend>
        <ol className={styles.editor}>
          {questions.map((question, index) => (
            <li key={question.id} className={styles.editorRow}>
              <textarea
                aria-label={`Question ${index + 1}`}
                className={`${inputClassName} ${styles.answer}`}
                rows={2}
                value={question.text}
                onChange={(event) => edit(index, { text: event.target.value })}
              />
              <select
                aria-label={`Where the answer to question ${index + 1} is saved`}
                className={inputClassName}
                value={question.target}
                onChange={(event) => edit(index, { target: event.target.value as VerificationTarget })}
              >
                {verificationTargets.map((target) => (
                  <option key={target} value={target}>
                    {verificationTargetLabels[target]}
                  </option>
                ))}
              </select>
              <div className={styles.rowActions}>
                <Button
                  variant="quiet"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={`Move question ${index + 1} up`}
                >
                  ↑
                </Button>
                <Button
                  variant="quiet"
                  disabled={index === questions.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={`Move question ${index + 1} down`}
                >
                  ↓
                </Button>
                <Button
                  variant="quiet"
                  onClick={() => setDraft(questions.filter((_, position) => position !== index))}
                  aria-label={`Remove question ${index + 1}`}
                >
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <FormError message={error} />
        <div className={formStyles.actions}>
          <Button
            onClick={() =>
              setDraft([...questions, { id: `question-${Date.now()}`, text: '', target: 'none' }])
            }
          >
            Add question
          </Button>
          <Button type="submit" disabled={draft === null || save.isPending}>
            Save questions
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
