import { useQuery } from '@tanstack/react-query';
import { inputClassName } from '../../components/Field';
import hiddenStyles from '../../components/VisuallyHidden.module.css';
import { callApi } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import styles from './Team.module.css';

/** The team's people, for every picker on these screens (read once, refreshed after a hand-over). */
export function useTeamMembers() {
  return useQuery({
    queryKey: queryKeys.assignments.members,
    queryFn: () => callApi('assignments.members', {}),
  });
}

/**
 * A choice of navigator that acts as soon as one is chosen, like the case page's Stage: only
 * navigators who can still sign in hold cases (the database refuses anyone else).
 */
export function NavigatorPicker({
  label,
  hideLabel = false,
  value,
  placeholder,
  disabled,
  exclude,
  onChoose,
}: {
  readonly label: string;
  /** In a table row whose column heading says it: the label is for screen readers only. */
  readonly hideLabel?: boolean;
  readonly value: string;
  readonly placeholder: string;
  readonly disabled?: boolean;
  readonly exclude?: readonly string[];
  readonly onChoose: (login: string) => void;
}) {
  const members = useTeamMembers();
  const navigators = (members.data ?? []).filter(
    (member) =>
      member.role === 'navigator' &&
      (!member.disabled || member.login === value) &&
      !exclude?.includes(member.login),
  );
  return (
    <label className={styles.picker}>
      <span className={hideLabel ? hiddenStyles.visuallyHidden : styles.holderLabel}>{label}</span>
      <select
        className={inputClassName}
        value={value}
        disabled={disabled || members.isPending}
        onChange={(event) => {
          if (event.target.value) onChoose(event.target.value);
        }}
      >
        {!value && <option value="">{placeholder}</option>}
        {navigators.map((member) => (
          <option key={member.login} value={member.login} disabled={member.disabled}>
            {member.fullName}
            {member.disabled ? ' (can no longer sign in)' : ''}
          </option>
        ))}
      </select>
      {members.isSuccess && navigators.length === 0 && (
        <span className={styles.muted}>
          No {exclude?.length ? 'other ' : ''}navigator can take cases yet: an admin adds one (advocase team
          add-user --role navigator).
        </span>
      )}
    </label>
  );
}
