import formStyles from './Form.module.css';

/** The message for a form as a whole, announced to screen readers when it appears. */
export function FormError({ message }: { readonly message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className={formStyles.formError} role="alert">
      {message}
    </p>
  );
}
