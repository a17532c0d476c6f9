import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterDocument } from '../../src/shared/domain/letter-document';
import { writeFileOutput } from '../helpers/write-file-output';
import { addFile } from '../vault/vault-helpers';
import { sampleLetterDocument, sampleProfile } from '../letters/sample-letter';
import { openExportFixture, pdfText, secrets } from './export-fixture';

/** Every way the fixture's date of birth (1984-02-29) may be printed, and the address. */
const dateOfBirthSpellings = [
  '1984-02-29',
  '02/29/1984',
  '2/29/1984',
  '02-29-1984',
  'February 29, 1984',
  'Feb 29, 1984',
];
const addressParts = [secrets.address, '12 Orchard Lane'];

/** A letter that prints the date of birth in its RE: block and, written out, with the address in its body. */
const bodyWithSecrets: LetterDocument = {
  blocks: [
    ...sampleLetterDocument.blocks,
    {
      type: 'paragraph',
      runs: [{ text: `The member, born February 29, 1984, lives at ${secrets.address}.` }],
    },
  ],
};

function csvFields(line: string): string[] {
  return [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1]!.replace(/""/g, '"'));
}

/** The readable text of a file in the bundle: pdftotext for a PDF, the XML of a DOCX's body without tags. */
function textOf(path: string): string {
  const text = path.endsWith('.docx')
    ? execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, '')
    : pdfText(path);
  return text.replace(/\s+/g, ' ');
}

describe('a redacted attorney bundle, unzipped and read back (docs/security.md §2)', () => {
  let folder: string;
  const bundles: Record<'plain' | 'redacted', { folder: string; files: string[]; manifest: string[][] }> = {
    plain: { folder: '', files: [], manifest: [] },
    redacted: { folder: '', files: [], manifest: [] },
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'advocase-redacted-bundle-'));
    const fixture = await openExportFixture(join(folder, 'data'));
    const { call, caseId } = fixture;
    await call('profile.save', sampleProfile);
    const letter = await call('letters.create', { caseId, templateId: 'internal-appeal-first-level' });
    await call('letters.update', {
      letterId: letter.id,
      changes: {
        title: 'Level 1 appeal',
        body: bodyWithSecrets,
        enclosureDocumentIds: [fixture.documents.lmn.id],
      },
    });
    // What Advocase files of a letter is the final PDF, when it is marked sent: that is
    // the generated file a redacted bundle makes again. The body above leaves no prompt unfilled.
    await call('letters.markSent', {
      letterId: letter.id,
      sentVia: 'portal',
      sentAt: '2026-03-30T17:00:00.000Z',
      documentId: null,
    });
    // The submission packet is a download, filed nowhere by Advocase; the one way it reaches the
    // vault is the user filing the downloaded file, which makes it a document from outside.
    const packet = await call('letters.buildPacket', {
      letterId: letter.id,
      date: '2026-03-30',
      sentVia: 'portal',
    });
    const filed = await addFile(
      call,
      'Submission packet 2026-03-30.pdf',
      Buffer.from(packet.data, 'base64'),
      {
        caseId,
      },
    );
    await call('vault.update', {
      documentId: filed.document!.id,
      documentType: 'submission_packet',
      documentDate: '2026-03-30',
    });

    for (const [name, redact] of [
      ['plain', []],
      ['redacted', ['dateOfBirth', 'address']],
    ] as const) {
      const zip = join(folder, `${name}.zip`);
      writeFileOutput(zip, await call('exports.bundle', { selection: { caseId, redact: [...redact] } }));
      const unzipped = join(folder, name);
      mkdirSync(unzipped);
      execFileSync('unzip', ['-q', zip, '-d', unzipped]);
      bundles[name] = {
        folder: unzipped,
        files: readdirSync(unzipped).sort(),
        manifest: readFileSync(join(unzipped, 'manifest.csv'), 'utf8')
          .trim()
          .split('\r\n')
          .slice(1)
          .map(csvFields),
      };
    }
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** The letter's final PDF as "Mark as sent" filed it, named for what it is. */
  const sentLetter = /– Internal appeal to UnitedHealthcare, sent 2026-03-30\.pdf$/;

  /** The bundle's files Advocase made: the summary and the letter filed when it was sent. */
  function generatedFiles(name: 'plain' | 'redacted'): string[] {
    const { files } = bundles[name];
    return files.filter((file) => file.startsWith('Case summary') || sentLetter.test(file));
  }

  it('without redaction, the sent letter prints the date of birth and the address (so the check below can fail)', () => {
    const exhibits = generatedFiles('plain').filter((file) => file.startsWith('Exhibit'));
    expect(exhibits).toHaveLength(1);
    const text = textOf(join(bundles.plain.folder, exhibits[0]!));
    expect(dateOfBirthSpellings.filter((spelling) => text.includes(spelling))).not.toEqual([]);
    expect(text).toContain('12 Orchard Lane');
  });

  it('with date of birth and address redacted, none of its generated files contains either', () => {
    const generated = generatedFiles('redacted');
    expect(generated).toHaveLength(2);
    for (const file of generated) {
      const text = textOf(join(bundles.redacted.folder, file));
      expect(
        dateOfBirthSpellings.filter((spelling) => text.includes(spelling)),
        file,
      ).toEqual([]);
      expect(
        addressParts.filter((part) => text.includes(part)),
        file,
      ).toEqual([]);
      expect(text, file).toContain('[redacted]');
    }
    // It is the letter made again, not a blank page: the body and the RE: block are there.
    const letter = textOf(
      join(
        bundles.redacted.folder,
        generated.find((file) => sentLetter.test(file))!,
      ),
    );
    expect(letter).toContain('Treatment history');
    expect(letter).toContain('Imani Brooks');
  });

  it('a downloaded packet the user filed goes in as filed, listed as not redacted, which it is not', () => {
    const packet = bundles.redacted.files.find((file) =>
      file.endsWith('– Submission packet 2026-03-30.pdf'),
    )!;
    expect(new Map(bundles.redacted.manifest.map((row) => [row[1]!, row[8]!])).get(packet)).toMatch(
      /^Not redacted \(as filed\)/,
    );
    const text = textOf(join(bundles.redacted.folder, packet));
    expect(dateOfBirthSpellings.filter((spelling) => text.includes(spelling))).not.toEqual([]);
  });

  it('lists documents from outside as not redacted, in the manifest and the summary’s index', () => {
    const notes = new Map(bundles.redacted.manifest.map((row) => [row[1]!, row[8]!]));
    for (const [file, note] of notes) {
      if (file.startsWith('Case summary')) continue;
      if (sentLetter.test(file)) expect(note, file).toMatch(/^Redacted \(made again by Advocase\)/);
      else expect(note, file).toMatch(/^Not redacted \(as filed\)/);
    }
    expect([...notes.values()].filter((note) => note.startsWith('Not redacted'))).toHaveLength(6);
    const summary = bundles.redacted.files.find((file) => file.startsWith('Case summary'))!;
    expect(textOf(join(bundles.redacted.folder, summary))).toContain('Not redacted (as filed)');
  });
});
