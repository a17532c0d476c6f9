/**
 * Just enough of RFC 5322 and MIME (RFC 2045–2047) to show an email and index its words: headers,
 * encoded-word subjects, base64 and quoted-printable bodies, and multipart messages (plain text
 * preferred over HTML). Attachments are listed by name, not opened.
 */
export type ParsedEmail = {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly attachmentNames: readonly string[];
};

type Part = { headers: Map<string, string>; body: Buffer };

function splitHeaderBlock(raw: Buffer): Part {
  const text = raw.toString('latin1');
  const match = /\r?\n\r?\n/.exec(text);
  const headerText = match ? text.slice(0, match.index) : text;
  const bodyStart = match ? match.index + match[0].length : text.length;
  const headers = new Map<string, string>();
  // RFC 5322 2.2.3: a line starting with white space continues the previous header.
  for (const line of headerText.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body: raw.subarray(Buffer.byteLength(text.slice(0, bodyStart), 'latin1')) };
}

function parameter(headerValue: string, name: string): string | null {
  const match = new RegExp(`${name}\\*?=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(headerValue);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function decodeCharset(bytes: Buffer, charset: string | null): string {
  try {
    return new TextDecoder((charset ?? 'utf-8').toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function decodeQuotedPrintable(text: string): Buffer {
  const softBreaksRemoved = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < softBreaksRemoved.length; index += 1) {
    const character = softBreaksRemoved[index]!;
    const hex = softBreaksRemoved.slice(index + 1, index + 3);
    if (character === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(character.charCodeAt(0) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function decodeTransfer(body: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.toString('latin1'));
    default:
      return body;
  }
}

/** RFC 2047 encoded words, e.g. =?UTF-8?B?...?= in a subject. */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, charset: string, kind: string, data: string) => {
      const bytes =
        kind.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : decodeQuotedPrintable(data.replace(/_/g, ' '));
      return decodeCharset(bytes, charset);
    });
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/tr>|<\/h\d>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n');
}

type Collected = { plain: string[]; html: string[]; attachments: string[] };

function collect(part: Part, into: Collected, depth: number): void {
  const contentType = part.headers.get('content-type') ?? 'text/plain';
  const disposition = part.headers.get('content-disposition') ?? '';
  const fileName = parameter(disposition, 'filename') ?? parameter(contentType, 'name');
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  if (mime.startsWith('multipart/') && depth < 8) {
    const boundary = parameter(contentType, 'boundary');
    if (!boundary) return;
    const text = part.body.toString('latin1');
    const pieces = text.split(`--${boundary}`).slice(1);
    for (const piece of pieces) {
      if (piece.startsWith('--')) break;
      collect(splitHeaderBlock(Buffer.from(piece.replace(/^\r?\n/, ''), 'latin1')), into, depth + 1);
    }
    return;
  }
  if (/^attachment/i.test(disposition) || (fileName && !mime.startsWith('text/'))) {
    into.attachments.push(decodeEncodedWords(fileName ?? 'attachment'));
    return;
  }
  const decoded = decodeCharset(
    decodeTransfer(part.body, part.headers.get('content-transfer-encoding')),
    parameter(contentType, 'charset'),
  );
  if (mime === 'text/html') into.html.push(htmlToText(decoded));
  else if (mime.startsWith('text/')) into.plain.push(decoded);
}

export function parseEmail(raw: Buffer): ParsedEmail {
  const root = splitHeaderBlock(raw);
  const collected: Collected = { plain: [], html: [], attachments: [] };
  collect(root, collected, 0);
  const headers: Record<string, string> = {};
  for (const name of ['from', 'to', 'cc', 'date', 'subject']) {
    const value = root.headers.get(name);
    if (value !== undefined) headers[name] = decodeEncodedWords(value);
  }
  const body = (collected.plain.length > 0 ? collected.plain : collected.html).join('\n\n').trim();
  return { headers, body, attachmentNames: collected.attachments };
}

export function renderEmailAsText(email: ParsedEmail): string {
  const labels: ReadonlyArray<[string, string]> = [
    ['from', 'From'],
    ['to', 'To'],
    ['cc', 'Cc'],
    ['date', 'Date'],
    ['subject', 'Subject'],
  ];
  const lines = labels
    .filter(([key]) => email.headers[key] !== undefined)
    .map(([key, label]) => `${label}: ${email.headers[key]}`);
  if (email.attachmentNames.length > 0) lines.push(`Attachments: ${email.attachmentNames.join(', ')}`);
  return `${lines.join('\n')}\n\n${email.body}`;
}
