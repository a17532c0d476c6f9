import { Field, inputClassName } from '../../components/Field';

/** The passphrase the store opens with, asked for on a screen of its own (focused at once). */
export function CurrentPassphraseField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (passphrase: string) => void;
  error: string | undefined;
}) {
  return (
    <Field label="Passphrase" error={error}>
      {(ids) => (
        <input
          {...ids}
          className={inputClassName}
          type="password"
          autoComplete="current-password"
          autoFocus
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
