import type { Kysely } from 'kysely';
import { formatCaseNumber } from '../../shared/domain/case-number';
import { withDatesFormatted } from '../../shared/domain/dates-in-text';
import { formatLongDate } from '../../shared/domain/long-date';
import type { AgendaItemRef } from '../../shared/schemas/deadlines';
import { writeCalendar, type CalendarEntry } from '../calendar/ics';
import type { AdvocaseDatabase } from '../db/schema';
import { AppError } from '../errors';
import { getCaseDeadlines } from './case-deadlines-service';
import { civilDateInZone } from './date-arithmetic';
import { resolveClock, type Clock } from './deadline-clock';

const actorWords = { payer: 'Payer must act', claimant: 'You must act', advocate: 'Your follow-up' } as const;

/** Text a calendar shows a person: dates written out ("September 9, 2026"), not YYYY-MM-DD. */
function readable(text: string): string {
  return withDatesFormatted(text, formatLongDate);
}

/**
 * The chosen deadlines as an .ics file. Titles carry the case number (C-00012); the client's name
 * only if the user asked for it, since calendars sync to phones and are shared with assistants.
 * Each title says what the Agenda says of the item (a deadline's meaning, a follow-up's title).
 */
export async function exportCalendar(
  db: Kysely<AdvocaseDatabase>,
  input: { items: readonly AgendaItemRef[]; includeClientNames: boolean },
  clock: Clock = {},
): Promise<{ fileName: string; content: string }> {
  const { now, timeZone } = resolveClock(clock);
  const entries: CalendarEntry[] = [];
  for (const item of input.items) {
    if (item.source === 'task') {
      const task = await db
        .selectFrom('tasks')
        .innerJoin('cases', 'cases.id', 'tasks.case_id')
        .innerJoin('clients', 'clients.id', 'cases.client_id')
        .select(['tasks.id', 'tasks.case_id', 'tasks.title', 'tasks.due_on', 'clients.full_name'])
        .where('tasks.id', '=', item.taskId)
        .executeTakeFirst();
      if (!task?.due_on)
        throw new AppError('NOT_FOUND', `Task ${item.taskId} has no due date to export.`, 'items');
      const who = input.includeClientNames ? ` (${task.full_name})` : '';
      entries.push({
        uid: `task-${task.id}@advocase.local`,
        date: task.due_on,
        summary: readable(`${formatCaseNumber(task.case_id)}${who}: ${task.title}`),
        description: `${actorWords.advocate}. Case ${formatCaseNumber(task.case_id)}.`,
      });
      continue;
    }
    const deadlines = await getCaseDeadlines(db, 'calendar export', item.caseId, { now, timeZone });
    const deadline = deadlines.deadlines.find((candidate) => candidate.key === item.deadlineKey);
    if (!deadline) {
      throw new AppError(
        'NOT_FOUND',
        'A chosen deadline no longer applies to its case. Reload and choose again.',
        'items',
      );
    }
    const client = input.includeClientNames
      ? await db
          .selectFrom('cases')
          .innerJoin('clients', 'clients.id', 'cases.client_id')
          .select('clients.full_name')
          .where('cases.id', '=', item.caseId)
          .executeTakeFirst()
      : undefined;
    const who = client ? ` (${client.full_name})` : '';
    const timing = deadline.override
      ? { date: deadline.override.dueOn }
      : deadline.dueAt
        ? { at: new Date(Date.parse(deadline.dueAt)).toISOString() }
        : { date: deadline.dueOn };
    const description = [
      `${actorWords[deadline.actor]}: ${readable(deadline.meaning)}`,
      deadline.override
        ? `Date changed by the user from ${formatLongDate(deadline.computedDue)} to ${formatLongDate(deadline.override.dueOn)}: ${deadline.override.reason}`
        : `Estimated — verify against the notice and the plan's own documents.`,
      `Rule: ${deadline.citationText} (${deadline.citationUrl})`,
      readable(deadline.note),
    ]
      .filter(Boolean)
      .join('\n');
    entries.push({
      uid: `${deadlines.caseNumber}-${deadline.key.replace(/[^\w.:-]/g, '-')}@advocase.local`,
      // Whose date it is first: a calendar shows a title's start, and a payer's date is not the advocate's.
      summary: readable(`${deadlines.caseNumber}${who}: ${actorWords[deadline.actor]} — ${deadline.meaning}`),
      description,
      url: deadline.citationUrl,
      ...timing,
    });
  }
  const stamp = civilDateInZone(now.getTime(), timeZone);
  return {
    fileName: `advocase-deadlines-${stamp}.ics`,
    content: writeCalendar(entries, now, 'Advocase deadlines'),
  };
}
