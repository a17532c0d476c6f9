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

/**
 * The one allow-list (docs/security.md §2): the only kinds of file the vault takes in, lets be renamed to,
 * and hands to another app. All are documents Advocase can preview or that no desktop runs as a
 * program. Upload, rename and "open in another app" all decide through this table.
 */
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

/** The ending a file of each kind is given when its name has none that fits. */
const canonicalExtensions: Readonly<Record<MediaType, string>> = {
  pdf: 'pdf',
  png: 'png',
  jpeg: 'jpg',
  heic: 'heic',
  docx: 'docx',
  txt: 'txt',
  eml: 'eml',
};

/**
 * Endings that Windows, macOS or Linux desktops run, install or script when such a file is
 * opened. Not a safety list (the allow-list above is): it only lets a refusal say why.
 */
const programExtensions = new Set([
  ...['exe', 'com', 'bat', 'cmd', 'msi', 'msp', 'scr', 'pif', 'cpl', 'hta', 'lnk', 'reg', 'inf'],
  ...['ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'jar', 'url', 'appref-ms'],
  ...['command', 'app', 'pkg', 'dmg', 'scpt', 'applescript', 'terminal', 'workflow', 'webloc'],
  ...['sh', 'bash', 'zsh', 'desktop', 'appimage', 'deb', 'rpm', 'run', 'bin', 'py', 'pl', 'rb'],
  ...['html', 'htm', 'xhtml', 'svg', 'docm', 'dotm', 'xlsm', 'pptm'],
]);

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

/** How much of a file's start its kind is judged by (`checkFileKind`, `openRefusal`). */
export const fileHeadBytes = 4096;

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

type NameCheck =
  { readonly ok: true; readonly fileName: string } | { readonly ok: false; readonly message: string };

/** True when the name's ending is one the allow-list gives to this kind of content. */
function nameFitsContent(fileName: string, mediaType: MediaType): boolean {
  return mediaTypeByExtension[extensionOf(fileName)] === mediaType;
}

/**
 * The name a renamed document gets: the user edits the part before the ending, and the ending
 * stays what the content is (docs/security.md §2). A typed ending of another kind is refused, saying why;
 * anything else after a dot ("Call 2026.03.15") is part of the name and the ending is added.
 */
export function renamedFileName(requested: string, mediaType: MediaType): NameCheck {
  const cleaned = cleanFileName(requested).replace(/[.\s]+$/, '');
  if (nameFitsContent(cleaned, mediaType)) return { ok: true, fileName: cleaned };
  const kept = canonicalExtensions[mediaType];
  const typed = extensionOf(cleaned);
  const keepRule = `The name keeps its .${kept} ending: change only the part before it.`;
  if (programExtensions.has(typed)) {
    return {
      ok: false,
      message: `“${cleaned}” would make this ${mediaTypeLabels[mediaType].replace(/^an? /, '')} a program file (.${typed}), which Windows, macOS or Linux may run when it is opened. ${keepRule}`,
    };
  }
  const claimed = mediaTypeByExtension[typed];
  if (claimed) {
    return {
      ok: false,
      message: `“${cleaned}” would call this file ${mediaTypeLabels[claimed]}, but it is ${mediaTypeLabels[mediaType]}. ${keepRule}`,
    };
  }
  return { ok: true, fileName: `${cleaned}.${kept}` };
}

/** The name a copy leaving the vault (download, open in another app) is written under: its ending always fits its content. */
export function outputFileName(fileName: string, mediaType: MediaType): string {
  const cleaned = cleanFileName(fileName);
  return nameFitsContent(cleaned, mediaType) ? cleaned : `${cleaned}.${canonicalExtensions[mediaType]}`;
}

/**
 * Why a document may not be handed to another app, or null when it may: its name's ending must
 * be on the allow-list for the kind it was filed as, and (when given) its first bytes, read again
 * at opening, must be that kind.
 */
export function openRefusal(fileName: string, mediaType: MediaType, head?: Uint8Array): string | null {
  const typed = extensionOf(fileName);
  if (!nameFitsContent(fileName, mediaType)) {
    const why = programExtensions.has(typed)
      ? `it ends in .${typed}, a kind of file your computer may run as a program`
      : `its name does not end in .${canonicalExtensions[mediaType]}, the ending of what it holds (${mediaTypeLabels[mediaType]})`;
    return `Not opened: ${why}. Advocase opens only documents (PDF, images, Word, text, email) in other apps. Rename it (its name will end in .${canonicalExtensions[mediaType]} again), or view it here.`;
  }
  if (head && !sniff(head, mediaType)) {
    return `Not opened: the name says ${mediaTypeLabels[mediaType]}, but the content is not one. View it here instead.`;
  }
  return null;
}
