import { z } from 'zod';
import { usStateCodes } from '../../shared/domain/us-states';
import { isRealCalendarDate } from '../../shared/schemas/fields';
import { isKnownTimeZone, parseOffsetDateTime } from './date-arithmetic';
import { claimTypeSchema, eventTypeSchema } from './plan-types';

/**
 * The input of `advocase deadlines compute`. Messages are written to follow the field's path, so
 * the CLI can print `events[2].date: must be a real date written YYYY-MM-DD`.
 */

function requiredOr(expected: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : expected);
}

const civilDateMessage = 'must be a real date written YYYY-MM-DD, for example 2028-02-29';

const civilDate = z
  .string({ error: requiredOr(civilDateMessage) })
  .refine(isRealCalendarDate, civilDateMessage);

const eventDateMessage =
  'must be a real date written YYYY-MM-DD, or a date-time with its UTC offset such as 2026-03-02T09:30:00-05:00';

const eventDate = z
  .string({ error: requiredOr(eventDateMessage) })
  .refine((text) => isRealCalendarDate(text) || parseOffsetDateTime(text) !== null, eventDateMessage);

/** JSON writers often send null for "not known"; treat it like a missing key. */
function optionalField<Schema extends z.ZodType>(schema: Schema) {
  return schema.nullish().transform((value) => value ?? undefined);
}

const eventSchema = z
  .object(
    {
      type: eventTypeSchema,
      date: eventDate,
      receivedDate: optionalField(civilDate),
      level: optionalField(
        z
          .number({ error: 'must be a whole number: 1 for the first appeal level, 2 for the next' })
          .int('must be a whole number: 1 for the first appeal level, 2 for the next')
          .min(1, 'must be 1 or more'),
      ),
      final: optionalField(z.boolean({ error: 'must be true or false' })),
      until: optionalField(civilDate),
    },
    { error: 'must be an object such as {"type": "denial-notice", "date": "2026-03-31"}' },
  )
  .refine((event) => event.receivedDate === undefined || event.receivedDate >= event.date.slice(0, 10), {
    message: 'cannot be earlier than the date on the notice',
    path: ['receivedDate'],
  });

export const deadlineScenarioSchema = z.object(
  {
    planType: z.string({ error: requiredOr('must be text, for example "employer-self-funded"') }),
    claimType: optionalField(claimTypeSchema),
    state: optionalField(
      z
        .string({ error: 'must be a two-letter US state code such as CA' })
        .toUpperCase()
        .refine(
          (code) => (usStateCodes as readonly string[]).includes(code),
          'must be a two-letter US state code such as CA',
        ),
    ),
    timeZone: z
      .string({ error: requiredOr('must be an IANA time zone name such as America/New_York') })
      .refine(isKnownTimeZone, 'must be an IANA time zone name such as America/New_York'),
    asOf: optionalField(civilDate),
    events: z.array(eventSchema, { error: requiredOr('must be a list of events (it may be empty)') }),
  },
  { error: 'must be a JSON object' },
);

export type DeadlineScenario = z.output<typeof deadlineScenarioSchema>;
export type ScenarioEvent = DeadlineScenario['events'][number];

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'scenario';
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      return index === 0 ? String(segment) : `.${String(segment)}`;
    })
    .join('');
}

export type ScenarioParseResult =
  | {
      readonly ok: true;
      readonly scenario: DeadlineScenario;
      /** Where the time zone came from: the scenario, or the default (a date-only scenario needs none). */
      readonly timeZoneSource: 'scenario' | 'default';
    }
  | { readonly ok: false; readonly message: string };

/**
 * Reads the CLI's stdin text; every problem is named by its field, one per line. A scenario
 * without `timeZone` is judged in `defaultTimeZone` (refusing it helped
 * nobody, since dates written YYYY-MM-DD need no zone; the zone only places "today" and
 * date-times), and the result says which zone was used.
 */
export function parseDeadlineScenario(text: string, defaultTimeZone: string): ScenarioParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'unreadable';
    return { ok: false, message: `input is not valid JSON (${reason}).` };
  }
  const object =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : null;
  const needsDefault = object !== null && object.timeZone == null;
  const parsed = deadlineScenarioSchema.safeParse(
    needsDefault ? { ...object, timeZone: defaultTimeZone } : json,
  );
  if (parsed.success)
    return { ok: true, scenario: parsed.data, timeZoneSource: needsDefault ? 'default' : 'scenario' };
  const lines = parsed.error.issues.map((issue) => `${describePath(issue.path)}: ${issue.message}`);
  return { ok: false, message: lines.join('\n') };
}
