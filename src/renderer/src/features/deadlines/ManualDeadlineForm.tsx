import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { inputClassName } from '../../components/Field';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import styles from './Deadlines.module.css';
import { formatDue } from './deadline-words';
import { refreshOpenWork } from './refresh-open-work';

export function ManualDeadlineForm({
  caseId,
  onAnnounce,
}: {
  readonly caseId: number;
  readonly onAnnounce: (message: string) => void;
}) {
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const add = useMutation({
    mutationFn: () => callApi('deadlines.addManual', { caseId, title, dueOn }),
    onSuccess: async (task) => {
      setTitle('');
      setDueOn('');
      setErrors(noErrors);
      await refreshOpenWork(caseId);
      onAnnounce(`Added to the agenda for ${formatDue(task.dueOn ?? '', null)}.`);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['title', 'dueOn'])),
  });
  return (
    <section className={styles.section} aria-labelledby="manual-deadline-title">
      <h2 id="manual-deadline-title">Add your own deadline</h2>
      <form
        className={styles.inlineForm}
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
        noValidate
      >
        <label>
          What is due
          <input
            className={inputClassName}
            value={title}
            aria-invalid={Boolean(errors.fields.title)}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="Call the rep back for the reference number"
            size={40}
          />
        </label>
        <label>
          Due date
          <input
            className={inputClassName}
            type="date"
            value={dueOn}
            aria-invalid={Boolean(errors.fields.dueOn)}
            onChange={(event) => setDueOn(event.target.value)}
          />
        </label>
        <Button type="submit" disabled={add.isPending}>
          Add
        </Button>
      </form>
      {(errors.fields.title ?? errors.fields.dueOn ?? errors.form) && (
        <p role="alert" className={styles.formError}>
          {errors.fields.title ?? errors.fields.dueOn ?? errors.form}
        </p>
      )}
    </section>
  );
}
