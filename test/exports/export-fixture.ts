import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import type { EventPayloadInput } from '../../src/shared/schemas/events';
import { addFile, makePdf, openTestVault } from '../vault/vault-helpers';

/** Values the redaction tests look for: each also appears inside free text somewhere. */
export const secrets = {
  address: '12 Orchard Lane, Fresno CA 93701',
  dateOfBirth: '1984-02-29',
  memberId: 'UHC88431207',
  groupNumber: 'GRP-55120',
  repNames: ['Tanya Whitfield', 'Marcus Oyelaran'],
  reviewerName: 'Dr. Hollis Brandt',
} as const;

type FixtureEvent = { readonly event: EventPayloadInput; readonly references: readonly string[] };

/** A denied, appealed Spravato case, events given out of order on purpose. */
export const fixtureEvents: readonly FixtureEvent[] = [
  {
    event: {
      type: 'payer_decision',
      occurredAt: '2026-03-13T16:00:00.000Z',
      summary: 'Denial letter received: not medically necessary, criteria not met.',
      details: {
        decision: 'denied',
        level: 0,
        noticeDate: '2026-03-10',
        receivedOn: '2026-03-13',
        reason: 'Fewer than two antidepressant trials documented.',
      },
    },
    references: [],
  },
  {
    event: {
      type: 'phone_call',
      occurredAt: '2026-03-16T15:10:00.000Z',
      summary: `Asked for the criteria used. Rep confirmed member ${secrets.memberId} and DOB 02/29/1984.`,
      details: {
        direction: 'outbound',
        withWhom: 'UnitedHealthcare',
        repName: secrets.repNames[0],
        referenceNumber: 'UHC-CALL-0316',
      },
    },
    references: ['UHC-CALL-0316'],
  },
  {
    event: {
      type: 'prior_auth_submitted',
      occurredAt: '2026-03-02T14:00:00.000Z',
      summary: 'Prior authorization for Spravato submitted by fax.',
      details: {
        method: 'fax',
        confirmationNumber: 'PA-2026-0302',
        receivedByPayerAt: '2026-03-02T15:30:00.000Z',
        deliveryProof: { method: 'fax_confirmation', reference: 'FAXOK-7781' },
      },
    },
    references: ['PA-2026-0302', 'FAXOK-7781'],
  },
  {
    event: {
      type: 'appeal_filed',
      occurredAt: '2026-03-30T13:00:00.000Z',
      summary: `Level 1 appeal filed with letter of medical necessity; mailing address on file ${secrets.address}.`,
      details: { level: 1, method: 'fax', receivedByPayerOn: '2026-04-01' },
    },
    references: [],
  },
  {
    event: {
      type: 'peer_to_peer',
      occurredAt: '2026-04-06T18:00:00.000Z',
      summary: `Peer-to-peer with ${secrets.reviewerName}; reviewer would not change the decision.`,
      details: { status: 'completed', reviewerName: secrets.reviewerName, outcome: 'Upheld' },
    },
    references: [],
  },
  {
    event: {
      type: 'phone_call',
      occurredAt: '2026-04-08T17:45:00.000Z',
      summary: `${secrets.repNames[1]} said the appeal decision is due by April 29.`,
      details: {
        direction: 'inbound',
        withWhom: 'UnitedHealthcare appeals',
        repName: secrets.repNames[1],
        referenceNumber: 'UHC-CALL-0408',
      },
    },
    references: ['UHC-CALL-0408'],
  },
  {
    event: {
      type: 'note',
      occurredAt: '2026-04-10T12:00:00.000Z',
      summary: 'Client reports worsening symptoms; psychiatrist asked to certify urgency.',
      details: {},
    },
    references: [],
  },
];

/** One-colour PNG (for the photo exhibit) made with pdf-lib's sibling encoder in pure JS. */
export async function makePng(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([200, 120]);
  page.drawRectangle({ x: 10, y: 10, width: 180, height: 100, color: rgb(0.2, 0.4, 0.7) });
  const pdfPath = join(process.env['TMPDIR'] ?? '/tmp', `advocase-card-${process.pid}.pdf`);
  writeFileSync(pdfPath, await document.save());
  const prefix = pdfPath.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', pdfPath, prefix]);
  const { readFileSync, rmSync } = await import('node:fs');
  const png = readFileSync(`${prefix}.png`);
  rmSync(`${prefix}.png`);
  rmSync(pdfPath);
  return png;
}

/** A data folder holding one complete case, driven through the contract like the app. */
export async function openExportFixture(dataDirectory: string) {
  const vault = await openTestVault(dataDirectory);
  const { call, clientId, caseId } = vault;
  await call('clients.update', {
    clientId,
    changes: { fullName: 'Imani Brooks', dateOfBirth: secrets.dateOfBirth, address: secrets.address },
  });
  const coverage = await call('coverages.create', {
    clientId,
    payer: 'UnitedHealthcare',
    planName: 'Acme Corp Choice Plus',
    planType: 'employer-self-funded',
    memberId: secrets.memberId,
    groupNumber: secrets.groupNumber,
    effectiveOn: '2026-01-01',
  });
  const provider = await call('providers.create', {
    name: 'Dr. Amara Osei',
    npi: '1457390861',
    specialty: 'Psychiatry',
  });
  await call('cases.update', {
    caseId,
    changes: {
      coverageId: coverage.id,
      providerId: provider.id,
      claimType: 'pre-service',
      procedureCodes: ['G2082'],
      diagnosisCodes: ['F33.2'],
      assignedAdvocate: 'Jordan Reyes',
    },
  });
  await call('clients.addAuthorization', { clientId, kind: 'hipaa_authorization', signedOn: '2026-02-20' });
  const eventIds = new Map<string, number>();
  for (const { event } of fixtureEvents) {
    const added = await call('events.add', { caseId, event });
    eventIds.set(event.occurredAt, added.id);
  }
  const eventAt = (occurredAt: string) => eventIds.get(occurredAt)!;
  const denialPdf = await makePdf(['Denial letter page one', 'Denial letter page two']);
  const lmnPdf = await makePdf([
    'Letter of medical necessity',
    'Trials: sertraline, bupropion',
    'Signed, Dr. Osei',
  ]);
  const faxPdf = await makePdf(['Fax confirmation FAXOK-7781']);
  const denial = await addFile(call, `denial ${secrets.memberId}.pdf`, denialPdf, {
    eventId: eventAt('2026-03-13T16:00:00.000Z'),
  });
  await call('vault.update', {
    documentId: denial.document!.id,
    documentType: 'denial_letter',
    documentDate: '2026-03-10',
  });
  const lmn = await addFile(call, 'lmn.pdf', lmnPdf, { eventId: eventAt('2026-03-30T13:00:00.000Z') });
  await call('vault.update', {
    documentId: lmn.document!.id,
    documentType: 'letter_of_medical_necessity',
    documentDate: '2026-03-28',
  });
  const fax = await addFile(call, 'fax-confirmation.pdf', faxPdf, {
    eventId: eventAt('2026-03-02T14:00:00.000Z'),
  });
  await call('vault.update', {
    documentId: fax.document!.id,
    documentType: 'correspondence',
    documentDate: '2026-03-02',
  });
  const card = await addFile(call, 'insurance card.png', await makePng(), { clientId });
  await call('vault.update', {
    documentId: card.document!.id,
    documentType: 'insurance_card',
    documentDate: '2026-01-05',
  });
  const notes = await addFile(call, 'call notes.txt', Buffer.from('Call notes, nothing more.\n'), { caseId });
  await call('vault.update', {
    documentId: notes.document!.id,
    documentType: 'other',
    documentDate: '2026-04-11',
  });
  return {
    ...vault,
    documents: {
      denial: denial.document!,
      lmn: lmn.document!,
      fax: fax.document!,
      card: card.document!,
      notes: notes.document!,
    },
    pageCounts: { denial: 2, lmn: 3, fax: 1, card: 1 },
  };
}

/** The PDF's text as poppler reads it, pages in order, layout kept so table rows stay on one line. */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function pdfPageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}
