import { formatCalendarDate } from '../../lib/format-date';

/** A client's own details, in the order the client page shows them (edited or only read). */
export const clientDetailFields = [
  { key: 'fullName', label: 'Full name', kind: 'text' },
  { key: 'dateOfBirth', label: 'Date of birth', kind: 'date' },
  { key: 'state', label: 'State', kind: 'state' },
  { key: 'phone', label: 'Phone', kind: 'text' },
  { key: 'email', label: 'Email', kind: 'text' },
  { key: 'preferredLanguage', label: 'Preferred language', kind: 'text' },
  { key: 'address', label: 'Address', kind: 'textarea' },
  { key: 'notes', label: 'Notes', kind: 'textarea' },
] as const;

/** One detail as a person reads it: a date in their locale, a list joined, nothing as a dash. */
export function formatClientValue(key: string, value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'dateOfBirth') return formatCalendarDate(value as string);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
