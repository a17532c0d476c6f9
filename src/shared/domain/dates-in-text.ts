/**
 * A calendar date written as YYYY-MM-DD inside prose, such as the deadline engine's notes ("Outer
 * limit: 2027-02-07 (…)"). A date followed by "T" is part of an ISO date-time, which the notes
 * quote as an example of what to type, so it is left as written.
 */
const isoDateInText = /\b(\d{4}-\d{2}-\d{2})\b(?!T)/g;

/**
 * The text with each YYYY-MM-DD date shown by `formatDate`: the data keeps ISO dates (the CLI's
 * JSON, sorting), and the screen and the attorney summary show them the way people read dates.
 */
export function withDatesFormatted(text: string, formatDate: (isoDate: string) => string): string {
  return text.replace(isoDateInText, (isoDate: string) => formatDate(isoDate));
}
