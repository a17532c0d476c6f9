import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RotateCcw, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { TrashItem } from '@shared/schemas/history';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { formatCalendarDate, formatInstant } from '../../lib/format-date';
import styles from './History.module.css';
import { FormError } from '../../components/FormError';
import { queryKeys } from '../../lib/query-keys';

const kindWords: Readonly<Record<TrashItem['kind'], string>> = {
  client: 'Client',
  case: 'Case',
  event: 'Timeline entry',
};

type Props = {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onAnnounce: (message: string) => void;
};

/** What was deleted in the last 30 days: restore one, or empty it all now after a second confirmation. */
export function TrashDialog({ open, onOpenChange, onAnnounce }: Props) {
  const queryClient = useQueryClient();
  const [isConfirmingEmpty, setIsConfirmingEmpty] = useState(false);
  const trash = useQuery({
    queryKey: queryKeys.trash.list,
    queryFn: () => callApi('trash.list', {}),
    enabled: open,
  });
  const restore = useMutation({
    mutationFn: (item: TrashItem) => callApi('trash.restore', { kind: item.kind, id: item.id }),
    onSuccess: async ({ message }) => {
      onAnnounce(message);
      await queryClient.invalidateQueries();
    },
  });
  const empty = useMutation({
    mutationFn: () => callApi('trash.empty', { isConfirmed: true }),
    onSuccess: async (removed) => {
      setIsConfirmingEmpty(false);
      onAnnounce(
        `Trash emptied: ${removed.clients} client(s), ${removed.cases} case(s) and ${removed.events} timeline entr${removed.events === 1 ? 'y' : 'ies'} deleted for good.`,
      );
      await queryClient.invalidateQueries();
    },
  });
  const items = trash.data ?? [];
  const error = restore.error ?? empty.error ?? trash.error;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setIsConfirmingEmpty(false);
        restore.reset();
        onOpenChange(next);
      }}
      title="Trash"
      description="Deleted clients, cases and timeline entries stay here for 30 days, then are deleted for good."
    >
      <FormError message={error?.message} />
      {trash.isSuccess && items.length === 0 && <p className={styles.empty}>The trash is empty.</p>}
      {items.length > 0 && (
        <ul className={styles.trashList} aria-label="Deleted records">
          {items.map((item) => (
            <li key={`${item.kind}-${item.id}`} className={styles.trashItem}>
              <div className={styles.trashText}>
                <span className={styles.kind}>{kindWords[item.kind]}</span>
                <span className={styles.trashTitle}>{item.title}</span>
                {item.detail && <span className={styles.muted}>{item.detail}</span>}
                <span className={styles.muted}>
                  Deleted {formatInstant(item.deletedAt)} · deleted for good on{' '}
                  {formatCalendarDate(item.purgeOn)}
                </span>
                {item.blockedReason && <span className={styles.blocked}>{item.blockedReason}</span>}
              </div>
              <Button
                onClick={() => restore.mutate(item)}
                disabled={restore.isPending || item.blockedReason !== null}
                aria-label={`Restore ${kindWords[item.kind].toLowerCase()} ${item.title}`}
              >
                <RotateCcw aria-hidden size={16} /> Restore
              </Button>
            </li>
          ))}
        </ul>
      )}
      {isConfirmingEmpty ? (
        <div className={styles.confirm} role="group" aria-label="Confirm emptying the trash">
          <p>
            Delete all {items.length} item(s) in the trash for good? This cannot be undone, not even with
            Undo.
          </p>
          <div className={formStyles.actions}>
            <Button onClick={() => setIsConfirmingEmpty(false)}>Keep them</Button>
            <Button variant="danger" disabled={empty.isPending} onClick={() => empty.mutate()}>
              Delete for good
            </Button>
          </div>
        </div>
      ) : (
        <div className={formStyles.actions}>
          <Button variant="quiet" disabled={items.length === 0} onClick={() => setIsConfirmingEmpty(true)}>
            <Trash2 aria-hidden size={16} /> Empty trash now…
          </Button>
        </div>
      )}
    </Dialog>
  );
}
