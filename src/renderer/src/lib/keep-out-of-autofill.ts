/**
 * Health data must not end up in the browser's own autofill store (a plain file in the browser
 * profile, outside the encrypted data folder), which is what happens to typed text in the web
 * harness. Every field that does not say otherwise is marked autocomplete="off" the moment it
 * takes focus, before anything is typed. Passphrase fields keep their explicit
 * new-password/current-password, which only a password manager acts on.
 */
export function keepFieldsOutOfAutofill(root: Document): void {
  root.addEventListener(
    'focusin',
    (event) => {
      const field = event.target;
      if (
        (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) &&
        !field.hasAttribute('autocomplete')
      ) {
        field.setAttribute('autocomplete', 'off');
      }
    },
    { capture: true },
  );
}
