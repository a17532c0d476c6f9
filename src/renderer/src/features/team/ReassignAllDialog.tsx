import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { NavigatorCaseload } from '@shared/schemas/assignments';
import { formatCount } from '@shared/domain/outcome-format';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { NavigatorPicker, useTeamMembers } from './NavigatorPicker';
import { refreshAfterHandover } from './refresh-after-handover';
import styles from './Team.module.css';

/**
 * "Reassign all cases of …": every case (and client) a person holds goes to one navigator, in one
 * step, after the count is confirmed. The count is the team list's; if it changed meanwhile the
 * database moves nothing and the new count is shown to confirm again.
 */
export function ReassignAllDialog({
  from,
  onClose,
  onMoved,
}: {
  readonly from: NavigatorCaseload;
  readonly onClose: () => void;
  readonly onMoved: (message: string) => void;
}) {
  const members = useTeamMembers();
  const [toLogin, setToLogin] = useState('');
  const held = members.data?.find((member) => member.login === from.login)?.assignedCases;
  const to = members.data?.find((member) => member.login === toLogin);
  const cases = held === undefined ? '' : formatCount(held, 'case', 'cases');
  const reassign = useMutation({
    mutationFn: () =>
      callApi('assignments.reassignAll', { fromLogin: from.login, toLogin, expectedCases: held ?? 0 }),
    onSuccess: async ({ moved }) => {
      await refreshAfterHandover();
      onMoved(
        `Moved ${formatCount(moved, 'case', 'cases')} from ${from.fullName} to ${to?.fullName ?? toLogin}.`,
      );
    },
    // A changed count comes back with the new one: read the team list again to show it.
    onError: () => void members.refetch(),
  });
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Reassign all cases of ${from.fullName}`}
      description={
        held === 0
          ? `${from.fullName} holds no cases now.`
          : `${from.fullName} holds ${cases} (${from.openCases} open). All of them, and their clients, go to the navigator you choose; each case’s timeline notes the change.`
      }
    >
      <DialogForm
        submitLabel={held === undefined ? 'Move' : `Move ${cases}`}
        submitDisabled={!toLogin || !held || reassign.isPending}
        error={reassign.error?.message ?? null}
        onCancel={onClose}
        onSubmit={(event) => {
          event.preventDefault();
          reassign.mutate();
        }}
      >
        <div className={styles.dialogPicker}>
          <NavigatorPicker
            label="Give them to"
            value={toLogin}
            placeholder="Choose a navigator"
            exclude={[from.login]}
            onChoose={setToLogin}
          />
        </div>
      </DialogForm>
    </Dialog>
  );
}
