import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  decisionTalliesSummary,
  decisionTallyText,
  formatMonth,
  formatRate,
} from '@shared/domain/outcome-format';
import type { DecisionTally, MonthVolume, OutcomeShare } from '@shared/schemas/outcomes';
import { ChartPanel } from './ChartPanel';
import styles from './Outcomes.module.css';

// The app's accent and a lighter shade of it: two series told apart by shade as well as hue.
const openedColour = '#2d5b88';
const closedColour = '#9db6cf';
const approvalColour = '#1d6b45';
const axisTick = { fontSize: 12, fill: '#566170' };

export function VolumeChart({ months }: { readonly months: readonly MonthVolume[] }) {
  const data = months.map((month) => ({ ...month, label: formatMonth(month.month) }));
  return (
    <ChartPanel
      wide
      title="Cases opened and closed by month"
      figure="casesOpened"
      isEmpty={months.every((month) => month.opened === 0 && month.closed === 0)}
      emptyText="No case was opened or closed in this period."
      chart={
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke="#e3e7ec" />
            <XAxis dataKey="label" tick={axisTick} tickLine={false} />
            <YAxis allowDecimals={false} tick={axisTick} tickLine={false} axisLine={false} />
            <Tooltip cursor={{ fill: '#eef1f4' }} />
            {/* In the order of the bars, not alphabetical. */}
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            <Bar dataKey="opened" name="Opened" fill={openedColour} isAnimationActive={false} />
            <Bar dataKey="closed" name="Closed" fill={closedColour} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table className={styles.table}>
          <caption className={styles.visuallyHidden}>Cases opened and closed by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className={styles.number}>
                Opened
              </th>
              <th scope="col" className={styles.number}>
                Closed
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((month) => (
              <tr key={month.month}>
                <th scope="row">{month.label}</th>
                <td className={styles.number}>{month.opened}</td>
                <td className={styles.number}>{month.closed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function OutcomeMixChart({ shares }: { readonly shares: readonly OutcomeShare[] }) {
  const total = shares.reduce((sum, share) => sum + share.count, 0);
  return (
    <ChartPanel
      title="How closed cases ended"
      figure="outcomeMix"
      isEmpty={total === 0}
      emptyText="No case was closed in this period. To close one, use “Close case…” on its page and choose how it ended."
      chart={
        <ResponsiveContainer width="100%" height={Math.max(120, shares.length * 36 + 24)}>
          <BarChart data={[...shares]} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 8 }}>
            <XAxis type="number" allowDecimals={false} hide />
            <YAxis
              type="category"
              dataKey="label"
              width={130}
              tick={axisTick}
              tickLine={false}
              axisLine={false}
            />
            <Bar dataKey="count" name="Cases" fill={openedColour} isAnimationActive={false} barSize={18}>
              <LabelList dataKey="count" position="right" fontSize={12} fill="#17202b" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table className={styles.table}>
          <caption className={styles.visuallyHidden}>How closed cases ended</caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col" className={styles.number}>
                Cases
              </th>
              <th scope="col" className={styles.number}>
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {shares.map((share) => (
              <tr key={share.outcome}>
                <th scope="row">{share.label}</th>
                <td className={styles.number}>{share.count}</td>
                <td className={styles.number}>{formatRate(share.count / total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function ApprovalRateChart({
  title,
  figure,
  keyHeading,
  tallies,
}: {
  readonly title: string;
  readonly figure: 'decisionsApproved' | 'approvalByLevel';
  readonly keyHeading: string;
  readonly tallies: readonly DecisionTally[];
}) {
  const data = tallies.map((tally) => ({
    label: tally.label,
    percent: tally.approvalRate === null ? 0 : Math.round(tally.approvalRate * 1000) / 10,
    text: decisionTallyText(tally),
  }));
  return (
    <ChartPanel
      title={title}
      figure={figure}
      isEmpty={tallies.length === 0}
      caption={decisionTalliesSummary(tallies)}
      emptyText="No payer decision in this period. Add one to a case's timeline (Payer decision)."
      chart={
        <ResponsiveContainer width="100%" height={Math.max(120, data.length * 36 + 24)}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 210, bottom: 4, left: 8 }}>
            <XAxis type="number" domain={[0, 100]} hide />
            <YAxis
              type="category"
              dataKey="label"
              width={150}
              tick={axisTick}
              tickLine={false}
              axisLine={false}
            />
            <Bar
              dataKey="percent"
              name="Approval rate"
              fill={approvalColour}
              background={{ fill: '#eef1f4' }}
              isAnimationActive={false}
              barSize={18}
              // A 0 % bar still gets its track and its label.
              minPointSize={2}
            >
              <LabelList dataKey="text" position="right" fontSize={12} fill="#17202b" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table className={styles.table}>
          <caption className={styles.visuallyHidden}>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{keyHeading}</th>
              <th scope="col" className={styles.number}>
                Decisions
              </th>
              <th scope="col" className={styles.number}>
                Approved
              </th>
              <th scope="col" className={styles.number}>
                Partly
              </th>
              <th scope="col" className={styles.number}>
                Denied
              </th>
              <th scope="col" className={styles.number}>
                Approval rate
              </th>
            </tr>
          </thead>
          <tbody>
            {tallies.map((tally) => (
              <tr key={tally.key}>
                <th scope="row">{tally.label}</th>
                <td className={styles.number}>{tally.decisions}</td>
                <td className={styles.number}>{tally.approved}</td>
                <td className={styles.number}>{tally.partiallyApproved}</td>
                <td className={styles.number}>{tally.denied}</td>
                <td className={styles.number}>{formatRate(tally.approvalRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
