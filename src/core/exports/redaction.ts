import type { RedactableField } from '../../shared/domain/redactable-fields';
import { formatLongDate } from '../../shared/domain/long-date';
import type { Dossier } from './case-dossier';

export const redactedMark = '[redacted]';

export type Redactor = {
  /** True when this field is to be left out. */
  isRedacted: (field: RedactableField) => boolean;
  /** The value, or the redaction mark when the field is redacted. */
  field: (field: RedactableField, value: string | null) => string | null;
  /** Free text with every redacted value (as typed anywhere in it) replaced by the mark. */
  scrub: (text: string) => string;
};

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The ways a date of birth is commonly written in notes and letters, besides YYYY-MM-DD: as the
 * letters print it ("February 29, 1984", letter-layout.ts) and abbreviated ("Feb 29, 1984").
 */
function dateSpellings(isoDate: string): string[] {
  const [year, month, day] = isoDate.split('-');
  if (!year || !month || !day) return [isoDate];
  const [m, d] = [String(Number(month)), String(Number(day))];
  const abbreviated = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
  return [
    isoDate,
    `${month}/${day}/${year}`,
    `${m}/${d}/${year}`,
    `${month}-${day}-${year}`,
    formatLongDate(isoDate),
    abbreviated,
  ];
}

function stringDetail(details: Record<string, unknown>, key: string): string | null {
  const value = details[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The values a redaction removes, gathered from the records themselves, so that a member ID typed
 * into a call's summary disappears as surely as the coverage field does.
 */
export function createRedactor(dossier: Dossier, fields: readonly RedactableField[]): Redactor {
  const chosen = new Set(fields);
  const secrets: string[] = [];
  if (chosen.has('address') && dossier.client.address) {
    secrets.push(dossier.client.address.trim());
    // A multi-line address may be quoted one line at a time.
    for (const line of dossier.client.address.split(/\r?\n|,\s*/)) {
      if (line.trim().length >= 6) secrets.push(line.trim());
    }
  }
  if (chosen.has('dateOfBirth') && dossier.client.dateOfBirth) {
    secrets.push(...dateSpellings(dossier.client.dateOfBirth));
  }
  if (chosen.has('memberId')) {
    for (const facts of dossier.cases) {
      for (const value of [facts.coverage?.memberId, facts.coverage?.groupNumber, facts.detail.memberId]) {
        if (value && value.trim().length >= 3) secrets.push(value.trim());
      }
    }
  }
  if (chosen.has('otherNames')) {
    for (const facts of dossier.cases) {
      for (const event of facts.events) {
        for (const key of ['repName', 'reviewerName']) {
          const name = stringDetail(event.details, key);
          if (name && name.length >= 2) secrets.push(name);
        }
      }
    }
  }
  // Longest first, so "12 Orchard Lane, Fresno" goes whole before "12 Orchard Lane" is looked for.
  const unique = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  const pattern =
    unique.length === 0
      ? null
      : new RegExp(
          unique
            .map((secret) => {
              const escaped = escapeForPattern(secret).replace(/\s+/g, '\\s+');
              // Names and IDs as whole words only: "Al" must not eat "Albany".
              return /^\w/.test(secret) && /\w$/.test(secret) ? `\\b${escaped}\\b` : escaped;
            })
            .join('|'),
          'giu',
        );
  return {
    isRedacted: (field) => chosen.has(field),
    field: (field, value) => (value === null ? null : chosen.has(field) ? redactedMark : value),
    scrub: (text) => (pattern ? text.replace(pattern, redactedMark) : text),
  };
}
