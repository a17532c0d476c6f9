/**
 * A small iCalendar reader for the tests, written from RFC 5545 rather than from the writer:
 * unfold (§3.1: CRLF followed by one space or tab), split NAME;PARAMS:VALUE at the first colon
 * outside a quoted parameter, and unescape TEXT values (§3.3.11).
 */
export type ParsedCalendar = {
  readonly properties: Record<string, string>;
  readonly events: Record<string, string>[];
};

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, character: string) =>
    character === 'n' || character === 'N' ? '\n' : character,
  );
}

function splitProperty(line: string): [string, string] {
  let isQuoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index];
    if (character === '"') isQuoted = !isQuoted;
    if (character === ':' && !isQuoted) return [line.slice(0, index), line.slice(index + 1)];
  }
  throw new Error(`Not a content line: ${line}`);
}

const textProperties = new Set(['SUMMARY', 'DESCRIPTION', 'X-WR-CALNAME', 'UID']);

export function parseCalendar(text: string): ParsedCalendar {
  if (!text.startsWith('BEGIN:VCALENDAR\r\n')) throw new Error('Not an iCalendar stream.');
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const properties: Record<string, string> = {};
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    const [name, value] = splitProperty(line);
    if (name === 'BEGIN' && value === 'VEVENT') current = {};
    else if (name === 'END' && value === 'VEVENT') {
      if (current) events.push(current);
      current = null;
    } else if (name !== 'BEGIN' && name !== 'END') {
      const decoded = textProperties.has(name.split(';')[0]!) ? unescapeText(value) : value;
      (current ?? properties)[name] = decoded;
    }
  }
  return { properties, events };
}
