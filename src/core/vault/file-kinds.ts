import type { MediaType } from '../../shared/schemas/vault';

/** The name a file is shown and exported under: its last path segment, without control characters. */
export function cleanFileName(raw: string): string {
  const lastSegment =
    raw
      .split(/[/\\]/)
      .filter((part) => part.length > 0)
      .pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '')
    // Reserved on Windows, where an exported copy must be creatable.
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^\.+/, '');
  return cleaned.slice(0, 255) || 'document';
}

const mediaTypeByExtension: Readonly<Record<string, MediaType>> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  heic: 'heic',
  heif: 'heic',
  docx: 'docx',
  txt: 'txt',
  text: 'txt',
  eml: 'eml',
};

export const mediaTypeLabels: Readonly<Record<MediaType, string>> = {
  pdf: 'a PDF',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  heic: 'a HEIC image',
  docx: 'a Word (.docx) document',
  txt: 'a text file',
  eml: 'an email (.eml)',
};

export const mimeTypes: Readonly<Record<MediaType, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  heic: 'image/heic',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
  eml: 'message/rfc822',
};

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function startsWith(head: Uint8Array, bytes: readonly number[], at = 0): boolean {
  return bytes.every((byte, index) => head[at + index] === byte);
}

function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    // A piece cut mid-character is fine: only the first bytes are checked, so allow a trailing partial one.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
    return true;
  } catch {
    return false;
  }
}

const heicBrands = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];

/** What the first bytes say the file is (the name alone can lie). */
function sniff(head: Uint8Array, claimed: MediaType): boolean {
  switch (claimed) {
    case 'pdf':
      // ISO 32000-1, 7.5.2: the header line; readers accept it within the first 1024 bytes.
      return Buffer.from(head.subarray(0, 1024)).includes('%PDF-');
    case 'png':
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg':
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case 'heic':
      return (
        Buffer.from(head.subarray(4, 8)).toString('latin1') === 'ftyp' &&
        heicBrands.includes(Buffer.from(head.subarray(8, 12)).toString('latin1'))
      );
    case 'docx':
      return startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
    case 'txt':
    case 'eml':
      return looksLikeText(head);
  }
}

export type KindCheck =
  { readonly ok: true; readonly mediaType: MediaType } | { readonly ok: false; readonly message: string };

/** Decides from the name and the first bytes (at least 1 KiB when the file has it) whether the vault takes the file. */
export function checkFileKind(fileName: string, head: Uint8Array, sizeBytes: number): KindCheck {
  const claimed = mediaTypeByExtension[extensionOf(fileName)];
  if (!claimed) {
    return {
      ok: false,
      message:
        'Not added: Advocase keeps PDF, PNG, JPEG, HEIC, Word (.docx), text (.txt) and email (.eml) files.',
    };
  }
  if (sizeBytes === 0) return { ok: false, message: 'Not added: the file is empty (0 bytes).' };
  if (!sniff(head, claimed)) {
    return {
      ok: false,
      message: `Not added: the name says ${mediaTypeLabels[claimed]}, but the content is not one. The file may be damaged or misnamed.`,
    };
  }
  return { ok: true, mediaType: claimed };
}
