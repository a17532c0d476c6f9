import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { FormError } from '../../components/FormError';

export type DeleteTarget =
  | { readonly kind: 'case'; readonly caseId: number; readonly name: string }
  | { readonly kind: 'client'; readonly clientId: number; readonly name: string };

type Props = {
  readonly target: DeleteTarget | null;
  readonly onClose: () => void;
  readonly onDeleted: (message: string) => void;
};

/** Asks before a client or case goes to the trash, and says what goes with it and for how long it can come back. */
export function DeleteRecordDialog({ target, onClose, onDeleted }: Props) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (what: DeleteTarget) =>
      what.kind === 'case'
        ? callApi('trash.moveCase', { caseId: what.caseId })
        : callApi('trash.moveClient', { clientId: what.clientId }),
    onSuccess: async ({ message }) => {
      onDeleted(message);
      onClose();
      await queryClient.invalidateQueries();
    },
  });
  const title = target ? `Delete ${target.kind === 'case' ? 'case' : 'client'} ${target.name}?` : '';
  return (
    <Dialog
      open={target !== null}
      onOpenChange={(open) => {
        if (!open) {
          remove.reset();
          onClose();
        }
      }}
      title={title}
      description={
        target?.kind === 'client'
          ? 'The client and all their cases go to the trash. You can restore them from the trash for 30 days; after that they are deleted for good.'
          : 'The case and its timeline go to the trash. You can restore it from the trash for 30 days; after that it is deleted for good.'
      }
    >
      <FormError message={remove.error?.message} />
      <div className={formStyles.actions}>
        <Button onClick={onClose}>Keep it</Button>
        <Button variant="danger" disabled={remove.isPending} onClick={() => target && remove.mutate(target)}>
          Move to trash
        </Button>
      </div>
    </Dialog>
  );
}
