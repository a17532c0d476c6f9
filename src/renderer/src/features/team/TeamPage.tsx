import { useMutation, useQuery } from '@tanstack/react-query';
import { Users } from 'lucide-react';
import { useState } from 'react';
import { caseStageLabels } from '@shared/domain/case-stages';
import { formatRate, formatWholeDollars } from '@shared/domain/outcome-format';
import { teamRoleLabels } from '@shared/domain/team-role-labels';
import { describeTreatment } from '@shared/domain/treatments';
import type { NavigatorCaseload } from '@shared/schemas/assignments';
import { hrefFor } from '../../app/routes';
import { Button } from '../../components/Button';
import hiddenStyles from '../../components/VisuallyHidden.module.css';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { queryKeys } from '../../lib/query-keys';
import { periodFor } from '../outcomes/outcome-period';
import { NavigatorPicker, useTeamMembers } from './NavigatorPicker';
import { ReassignAllDialog } from './ReassignAllDialog';
import { refreshAfterHandover } from './refresh-after-handover';
import styles from './Team.module.css';
import { canHandOverCases, useTeamConnection } from './use-team-connection';

/**
 * The Team page (docs/team-mode.md, "The Team page"): for a supervisor, each navigator's caseload
 * as the caseload counts it, the open cases no one holds, Outcomes per navigator and handing a
 * person's cases over; for a supervisor and an admin, the team's people.
 */
export function TeamPage({ onAnnounce }: { readonly onAnnounce: (message: string) => void }) {
  const connection = useTeamConnection().data;
  const isSupervisor = canHandOverCases(connection);
  return (
    <article className={styles.page} aria-labelledby="team-title">
      <header>
        <h1 id="team-title" className={styles.title}>
          <Users aria-hidden size={22} /> Team
        </h1>
        <p className={styles.muted}>
          {isSupervisor
            ? 'Each navigator’s cases, counted with the caseload’s own filters on their name: a figure here is what the caseload shows filtered by that advocate.'
            : 'The people on this team. Supervisors assign and hand over cases; an admin adds people and changes their roles (advocase team …).'}
        </p>
      </header>
      {isSupervisor && <CaseloadsSection onAnnounce={onAnnounce} />}
      {isSupervisor && <OutcomesSection />}
      <PeopleSection />
    </article>
  );
}

function CaseloadsSection({ onAnnounce }: { readonly onAnnounce: (message: string) => void }) {
  const overview = useQuery({
    queryKey: queryKeys.teamViews.overview,
    queryFn: () => callApi('teamViews.overview', {}),
  });
  const [handingOver, setHandingOver] = useState<NavigatorCaseload | null>(null);
  const assign = useMutation({
    // The case's number rides along so the announcement names it as the table does (C-00004).
    mutationFn: ({ caseId, login }: { caseId: number; caseNumber: string; login: string }) =>
      callApi('assignments.assign', { caseId, login }),
    onSuccess: async (holders, { caseNumber }) => {
      await refreshAfterHandover();
      onAnnounce(`${caseNumber} assigned to ${holders.assignedTo?.fullName ?? 'no one'}.`);
    },
  });
  if (overview.isError) return <p role="alert">{overview.error.message}</p>;
  if (!overview.data) return <p className={styles.muted}>Counting each navigator’s cases…</p>;
  const { navigators, unassigned, unassignedTotal } = overview.data;
  return (
    <>
      <section className={styles.section} aria-labelledby="team-caseloads">
        <h2 id="team-caseloads" className={styles.sectionTitle}>
          Caseload by navigator
        </h2>
        {navigators.length === 0 ? (
          <p className={styles.muted}>No navigators yet: an admin adds them (advocase team add-user).</p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Navigator</th>
                <th scope="col" className={styles.number}>
                  Open cases
                </th>
                <th scope="col" className={styles.number}>
                  With an overdue deadline or follow-up
                </th>
                <th scope="col" className={styles.number}>
                  Appeals due in 14 days
                </th>
                <th scope="col">
                  <span className={hiddenStyles.visuallyHidden}>Hand over</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {navigators.map((navigator) => (
                <tr key={navigator.login}>
                  <th scope="row">
                    {navigator.fullName}
                    {navigator.disabled && <span className={styles.tag}>can no longer sign in</span>}
                  </th>
                  <td className={styles.number}>{navigator.openCases}</td>
                  <td
                    className={
                      navigator.overdueCases > 0 ? `${styles.number} ${styles.alert}` : styles.number
                    }
                  >
                    {navigator.overdueCases}
                  </td>
                  <td className={styles.number}>{navigator.dueWithin14Days}</td>
                  <td className={styles.rowAction}>
                    <Button variant="quiet" onClick={() => setHandingOver(navigator)}>
                      Reassign all cases of {navigator.fullName}…
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className={styles.section} aria-labelledby="team-unassigned">
        <h2 id="team-unassigned" className={styles.sectionTitle}>
          Unassigned cases ({unassignedTotal})
        </h2>
        {assign.error && (
          <p role="alert" className={styles.error}>
            {assign.error.message}
          </p>
        )}
        {unassigned.length === 0 ? (
          <p className={styles.muted}>Every open case has a navigator.</p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Client</th>
                <th scope="col">Treatment</th>
                <th scope="col">Stage</th>
                <th scope="col">Opened</th>
                <th scope="col">Assign to</th>
              </tr>
            </thead>
            <tbody>
              {unassigned.map((row) => (
                <tr key={row.caseId}>
                  <td>
                    <a href={hrefFor({ name: 'case', caseId: row.caseId, tab: 'timeline' })}>
                      {row.caseNumber}
                    </a>
                  </td>
                  <td>{row.clientName}</td>
                  <td>{describeTreatment(row.treatment, row.treatmentDetail)}</td>
                  <td>{caseStageLabels[row.stage]}</td>
                  <td>{formatCalendarDate(row.openedOn)}</td>
                  <td>
                    <NavigatorPicker
                      label={`Assign ${row.caseNumber} to`}
                      hideLabel
                      value=""
                      placeholder="Choose a navigator"
                      disabled={assign.isPending}
                      onChoose={(login) =>
                        assign.mutate({ caseId: row.caseId, caseNumber: row.caseNumber, login })
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {unassignedTotal > unassigned.length && (
          <p className={styles.muted}>
            The {unassigned.length} opened longest ago are shown; assign them and the next appear.
          </p>
        )}
      </section>
      {handingOver && (
        <ReassignAllDialog
          from={handingOver}
          onClose={() => setHandingOver(null)}
          onMoved={(message) => {
            setHandingOver(null);
            onAnnounce(message);
          }}
        />
      )}
    </>
  );
}

/** Outcomes per navigator: the Outcomes report itself, with their name as its advocate filter. */
function OutcomesSection() {
  const members = useTeamMembers();
  const period = periodFor('this-year');
  const navigators = (members.data ?? []).filter((member) => member.role === 'navigator');
  return (
    <section className={styles.section} aria-labelledby="team-outcomes">
      <h2 id="team-outcomes" className={styles.sectionTitle}>
        Outcomes by navigator, this year
      </h2>
      <p className={styles.muted}>
        {formatCalendarDate(period.from)} to {formatCalendarDate(period.to)}, as the Outcomes page shows each
        advocate; its info buttons say how each figure is counted.
      </p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Navigator</th>
            <th scope="col" className={styles.number}>
              Cases opened
            </th>
            <th scope="col" className={styles.number}>
              Cases closed
            </th>
            <th scope="col" className={styles.number}>
              Approval rate
            </th>
            <th scope="col" className={styles.number}>
              Money saved
            </th>
            <th scope="col" className={styles.number}>
              Deadlines met
            </th>
          </tr>
        </thead>
        <tbody>
          {navigators.map((navigator) => (
            <NavigatorOutcomesRow key={navigator.login} fullName={navigator.fullName} period={period} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function NavigatorOutcomesRow({
  fullName,
  period,
}: {
  readonly fullName: string;
  readonly period: { readonly from: string; readonly to: string };
}) {
  const filters = { ...period, advocate: fullName };
  const report = useQuery({
    queryKey: queryKeys.outcomes.report(filters),
    queryFn: () => callApi('outcomes.report', filters),
  });
  const headline = report.data?.headline;
  const cell = (text: string | undefined) => (
    <td className={styles.number}>{text ?? (report.isError ? '—' : '…')}</td>
  );
  return (
    <tr>
      <th scope="row">{fullName}</th>
      {cell(headline && String(headline.casesOpened))}
      {cell(headline && String(headline.casesClosed))}
      {cell(headline && formatRate(headline.approvalRate))}
      {cell(headline && formatWholeDollars(headline.moneySavedCents))}
      {cell(headline && formatRate(headline.deadlinesMetRate))}
    </tr>
  );
}

function PeopleSection() {
  const members = useTeamMembers();
  return (
    <section className={styles.section} aria-labelledby="team-people">
      <h2 id="team-people" className={styles.sectionTitle}>
        People
      </h2>
      {members.isError && <p role="alert">{members.error.message}</p>}
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Login</th>
            <th scope="col">Role</th>
            <th scope="col" className={styles.number}>
              Cases assigned
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {(members.data ?? []).map((member) => (
            <tr key={member.login}>
              <th scope="row">{member.fullName}</th>
              <td className={styles.login}>{member.login}</td>
              <td>{teamRoleLabels[member.role]}</td>
              <td className={styles.number}>
                {member.role === 'navigator' || member.assignedCases > 0 ? member.assignedCases : '—'}
              </td>
              <td>{member.disabled ? 'Can no longer sign in' : 'Active'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
