import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';

/**
 * The current passphrase typed and sent to one call (unlock, replace the recovery key): an empty
 * one is refused at the field, and a refused one is cleared so the next try starts blank.
 */
export function usePassphraseEntry<Output>(
  send: (input: { passphrase: string }) => Promise<Output>,
  onSuccess: (output: Output) => void,
) {
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess,
    onError: (error) => {
      setErrors(formErrorsFromFailure(error, ['passphrase']));
      setPassphrase('');
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!passphrase) return setErrors({ fields: { passphrase: 'Enter your passphrase.' } });
    setErrors(noErrors);
    mutation.mutate({ passphrase });
  }

  return { passphrase, setPassphrase, errors, submit, isPending: mutation.isPending };
}
