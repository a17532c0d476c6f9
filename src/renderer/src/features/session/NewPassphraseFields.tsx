import { Field, inputClassName } from '../../components/Field';
import { PassphraseStrengthHint } from './PassphraseStrengthHint';

type Props = {
  readonly label: string;
  readonly passphrase: string;
  readonly onPassphraseChange: (value: string) => void;
  readonly confirmation: string;
  readonly onConfirmationChange: (value: string) => void;
  readonly passphraseError: string | undefined;
  readonly confirmationError: string | undefined;
};

/** Choosing a passphrase: typed twice, so a typo cannot lock the user out, with a strength hint. */
export function NewPassphraseFields(props: Props) {
  return (
    <>
      <Field
        label={props.label}
        error={props.passphraseError}
        hint={<PassphraseStrengthHint passphrase={props.passphrase} />}
      >
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            type="password"
            autoComplete="new-password"
            value={props.passphrase}
            onChange={(event) => props.onPassphraseChange(event.target.value)}
          />
        )}
      </Field>
      <Field label="Type it again" error={props.confirmationError}>
        {(ids) => (
          <input
            {...ids}
            className={inputClassName}
            type="password"
            autoComplete="new-password"
            value={props.confirmation}
            onChange={(event) => props.onConfirmationChange(event.target.value)}
          />
        )}
      </Field>
    </>
  );
}

/** The message for a confirmation that differs, or null when the two match. */
export function describeConfirmationMismatch(passphrase: string, confirmation: string): string | null {
  return confirmation === passphrase ? null : 'The two passphrases differ. Type the same one twice.';
}
