import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { FormError } from './FormError';
import formStyles from './Form.module.css';

type DialogFormProps = {
  readonly onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  readonly onCancel: () => void;
  /** The submit button's name, e.g. "Save date". */
  readonly submitLabel: ReactNode;
  /** True while the request runs (or while the form cannot be sent yet): the submit button is off. */
  readonly submitDisabled?: boolean;
  /** The message for the form as a whole; field messages stay with their fields. */
  readonly error?: string | null;
  /** The letter dialogs keep Cancel quiet beside their wide forms. */
  readonly cancelVariant?: 'secondary' | 'quiet';
  readonly onKeyDown?: (event: KeyboardEvent<HTMLFormElement>) => void;
  /** A keyboard shortcut the form answers to, shown at the start of the buttons' row. */
  readonly shortcutHint?: ReactNode;
  readonly children: ReactNode;
};

/**
 * The body every editing dialog shares: its fields, the form-wide message, then Cancel and the
 * submit button. Validation is ours (noValidate), so every message reads the same way.
 */
export function DialogForm({
  onSubmit,
  onCancel,
  submitLabel,
  submitDisabled = false,
  error,
  cancelVariant = 'secondary',
  onKeyDown,
  shortcutHint,
  children,
}: DialogFormProps) {
  return (
    <form className={formStyles.form} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      {children}
      <FormError message={error} />
      <div className={`${formStyles.actions} ${formStyles.dialogActions}`}>
        {shortcutHint && <span className={formStyles.shortcutHint}>{shortcutHint}</span>}
        <Button variant={cancelVariant} onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={submitDisabled}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

type FormDialogProps = Omit<DialogFormProps, 'onCancel'> & {
  readonly open: boolean;
  /** Called with false by Cancel, the close button and Escape alike. */
  readonly onOpenChange: (open: boolean) => void;
  readonly title: string;
  readonly description?: ReactNode;
  readonly size?: 'normal' | 'wide';
};

/** A modal dialog holding one form (see DialogForm): the shape of every add and edit dialog. */
export function FormDialog({ open, onOpenChange, title, description, size, ...form }: FormDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description} size={size}>
      <DialogForm {...form} onCancel={() => onOpenChange(false)} />
    </Dialog>
  );
}
