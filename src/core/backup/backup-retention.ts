/**
 * Which backups to keep: one per day for the most recent days, then one per week, up to `keep`
 * files in all (Time Machine's and restic's `--keep-daily/--keep-weekly` thinning). The newest
 * backup is always kept; days and weeks are the computer's own.
 */
export const defaultBackupsToKeep = 14;
const dailyBackupsKept = 7;

type Dated = { readonly name: string; readonly createdAt: string };

function dayOf(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** Monday-based week: the day of the week's Monday. */
function weekOf(date: Date): string {
  const monday = new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7));
  return dayOf(monday);
}

export function backupsToRemove<T extends Dated>(backups: readonly T[], keep: number): T[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const days = new Set<string>();
  const weeks = new Set<string>();
  const remove: T[] = [];
  let kept = 0;
  for (const backup of newestFirst) {
    const date = new Date(backup.createdAt);
    const isNewDay = !days.has(dayOf(date));
    const isNewWeek = !weeks.has(weekOf(date));
    const isWanted = days.size < dailyBackupsKept ? isNewDay : isNewWeek;
    if (kept < keep && (kept === 0 || isWanted)) {
      kept += 1;
      days.add(dayOf(date));
      weeks.add(weekOf(date));
    } else {
      remove.push(backup);
    }
  }
  return remove;
}
