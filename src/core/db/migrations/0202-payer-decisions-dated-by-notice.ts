/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * A payer decision sits on the timeline on the date printed on its notice, the payer's decision
 * date (core/events/decision-occurred-at.ts): the deadline engine already counted from that date,
 * while the timeline, the exports and Outcomes read the instant the entry was given, which the
 * add-to-timeline form filled with the moment it was typed in. A denial dated 10 February and
 * recorded on 3 March was listed after what happened in between and counted in March.
 *
 * Decisions recorded before are moved to their notice's day (12:00 UTC, as the app places a day
 * known without a time). One already on that day keeps its time: the step cannot know the
 * advocate's zone, so "on that day" is on that day anywhere from UTC−4 to UTC−10 (Puerto Rico to
 * Hawaii). A notice date that is not a real calendar date, or is later than now, leaves the entry
 * where it is. The kept rows Outcomes counts (0168) follow the events by their triggers.
 *
 * Read and written with the query builder over columns both engines share, so the PostgreSQL
 * chain runs this same step (PostgreSQL 14, the oldest a team may run, cannot test a date's
 * validity without failing on an invalid one, so the dates are checked here).
 */
const hour = 3_600_000;

function dayOf(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

function noticeDateOf(details: string): string | null {
  try {
    const noticeDate: unknown = (JSON.parse(details) as Record<string, unknown>).noticeDate;
    if (typeof noticeDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(noticeDate)) return null;
    return dayOf(Date.parse(`${noticeDate}T12:00:00.000Z`)) === noticeDate ? noticeDate : null;
  } catch {
    return null;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  const decisions: { id: number; occurred_at: string; details: string }[] = await db
    .selectFrom('events')
    .select(['id', 'occurred_at', 'details'])
    .where('type', '=', 'payer_decision')
    .execute();
  const now = Date.now();
  for (const decision of decisions) {
    const noticeDate = noticeDateOf(decision.details);
    if (noticeDate === null) continue;
    const given = Date.parse(decision.occurred_at);
    if (noticeDate === dayOf(given - 4 * hour) || noticeDate === dayOf(given - 10 * hour)) continue;
    const placed = `${noticeDate}T12:00:00.000Z`;
    if (Date.parse(placed) > now) continue;
    await db.updateTable('events').set({ occurred_at: placed }).where('id', '=', decision.id).execute();
  }
}
