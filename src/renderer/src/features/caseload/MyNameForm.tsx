import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import styles from './Caseload.module.css';

/** Asks for the user's name as advocate, for the "My urgent" view. */
export function MyNameForm({ onSave }: { onSave: (name: string) => void }) {
  const [name, setName] = useState('');
  return (
    <form
      className={styles.notice}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (name.trim()) onSave(name.trim());
      }}
    >
      <span>
        Showing every urgent case. To see only yours, give your name as it appears in the Advocate column:
      </span>
      <label>
        <span className="visually-hidden">Your name as advocate</span>
        <input value={name} onChange={(event) => setName(event.target.value)} placeholder="Your name" />
      </label>
      <Button type="submit" variant="secondary">
        Save
      </Button>
    </form>
  );
}
