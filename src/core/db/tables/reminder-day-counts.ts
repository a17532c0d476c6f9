/**
 * How many dates are open work on each due day, kept by triggers (migration 0160): what the
 * reminder summary's overdue count sums over the days before today. Read-only for app code.
 */
export type ReminderDayCountsTable = {
  due_on: string;
  open_count: number;
};
