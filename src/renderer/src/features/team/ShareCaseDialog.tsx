import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { teamRoleLabels } from '@shared/domain/team-role-labels';
import { shareCaseInputSchema } from '@shared/schemas/assignments';
import { localToday } from '@shared/schemas/fields';
import { Field, inputClassName } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { formErrorsFromZod } from '../../lib/form-errors';
import { useTeamMembers } from './NavigatorPicker';
import { refreshAfterHandover } from './refresh-after-handover';

/** A month from today: long enough for a review, short enough that access does not linger. */
function aMonthFromToday(): string {
  const day = new Date();
  day.setDate(day.getDate() + 30);
  return localToday(day);
}

/** Shares a case with someone on the team (a viewer such as the client's attorney) through a last day. */
export function ShareCaseDialog({
  open,
  onOpenChange,
  caseId,
  exclude,
  onShared,
}: {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly caseId: number;
  /** Who holds or already sees the case. */
  readonly exclude: readonly (string | undefined)[];
  readonly onShared: (message: string) => void;
}) {
  const members = useTeamMembers();
  const [login, setLogin] = useState('');
  const [lastDay, setLastDay] = useState(aMonthFromToday);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Admins read no case: a share with one would show them nothing.
  const people = (members.data ?? []).filter(
    (member) => !member.disabled && member.role !== 'admin' && !exclude.includes(member.login),
  );
  const share = useMutation({
    mutationFn: (input: { caseId: number; login: string; lastDay: string }) =>
      callApi('assignments.share', input),
    onSuccess: async (_, input) => {
      await refreshAfterHandover();
      const name = people.find((member) => member.login === input.login)?.fullName ?? input.login;
      setLogin('');
      onShared(`Shared with ${name} through ${formatCalendarDate(input.lastDay)}.`);
    },
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Share this case"
      description="They see the case, its client, timeline and documents through the last day, and change nothing unless they are a navigator."
      submitLabel="Share"
      submitDisabled={share.isPending}
      error={share.error?.message ?? null}
      onSubmit={(event) => {
        event.preventDefault();
        const checked = shareCaseInputSchema.safeParse({ caseId, login, lastDay });
        if (!checked.success) {
          setErrors(formErrorsFromZod(checked.error).fields);
          return;
        }
        setErrors({});
        share.mutate(checked.data);
      }}
    >
      <Field label="Share with" error={errors['login']}>
        {(ids) => (
          <select
            {...ids}
            className={inputClassName}
            value={login}
            onChange={(event) => setLogin(event.target.value)}
          >
            <option value="">Choose a person</option>
            {people.map((member) => (
              <option key={member.login} value={member.login}>
                {member.fullName} ({teamRoleLabels[member.role]})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Last day" hint="The share ends after this day." error={errors['lastDay']}>
        {(ids) => (
          <input
            {...ids}
            type="date"
            className={inputClassName}
            min={localToday()}
            value={lastDay}
            onChange={(event) => setLastDay(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
