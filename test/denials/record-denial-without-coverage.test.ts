import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/session/session';
import type { ReadDenialDocumentOutput } from '../../src/shared/schemas/case-denial-notice';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { letterDocumentText } from '../letters/letter-document-text';
import { addFile, openTestVault, type Call } from '../vault/vault-helpers';
import { readFixture } from './denial-notice-fixtures';

const newDataDirectory = useTemporaryDataDirectory();
let session: Session | undefined;
afterEach(async () => session?.lock());

/** A case with no coverage, the ERISA employer notice in its vault, read as the dialog reads it. */
async function caseWithoutCoverageAndItsNotice() {
  const vault = await openTestVault(newDataDirectory());
  session = vault.session;
  const added = await addFile(
    vault.call,
    'aetna-denial.txt',
    Buffer.from(readFixture('erisa-employer-clean.txt')),
    { caseId: vault.caseId },
  );
  if (!added.document) throw new Error(`The notice was not added: ${added.message}`);
  const documentId = added.document.id;
  const read = await vault.call('denials.readDocument', { documentId, caseId: vault.caseId });
  return { ...vault, documentId, read };
}

/** What the dialog sends when the advocate confirms the fields as read. */
function confirmedAsRead(caseId: number, documentId: number, read: ReadDenialDocumentOutput) {
  const { findings } = read;
  return {
    caseId,
    documentId,
    noticeDate: findings.noticeDate?.value ?? '',
    receivedOn: '2026-03-06',
    referenceNumber: findings.referenceNumber?.value ?? null,
    reasonText: findings.reasonText?.value ?? null,
    reasonCategory: findings.reasonCategory?.value ?? null,
    policyCited: findings.policyCited?.value ?? null,
    denialCode: findings.denialCode?.value ?? null,
    appealAddress: findings.appealAddress?.value ?? null,
    appealFax: findings.appealFax?.value ?? null,
    appealPhone: findings.appealPhone?.value ?? null,
    payer: findings.payer?.value ?? null,
    memberId: findings.memberId?.value ?? null,
    requestingProvider: findings.requestingProvider?.value ?? null,
    datesOfService: findings.datesOfService?.value ?? null,
    statedWindow: findings.appealWindow?.value ?? null,
    noticeCheck: read.noticeCheck,
  };
}

async function coveragesOf(call: Call, clientId: number) {
  return (await call('clients.get', { clientId })).coverages;
}

describe('recording a denial notice into a case without a coverage', () => {
  it('asks for the plan type and records nothing without it', async () => {
    const { call, failure, caseId, clientId, documentId, read } = await caseWithoutCoverageAndItsNotice();
    const error = await failure(
      call('denials.record', { ...confirmedAsRead(caseId, documentId, read), planType: null }),
    );
    expect(error.field).toBe('planType');
    expect(error.message).toMatch(/^The case has no coverage yet, so the notice will create one: choose/);
    expect(await call('denials.listForCase', { caseId })).toEqual([]);
    expect(await coveragesOf(call, clientId)).toEqual([]);
  });

  it('creates the coverage from the notice, links it, computes the appeal deadline, and one Undo takes it all back', async () => {
    const { call, caseId, clientId, documentId, read } = await caseWithoutCoverageAndItsNotice();
    expect(read.planTypeFrom).toBe('notice');
    await call('denials.record', {
      ...confirmedAsRead(caseId, documentId, read),
      planType: 'employer-fully-insured',
    });

    const [coverage, ...others] = await coveragesOf(call, clientId);
    expect(others).toEqual([]);
    expect(coverage).toMatchObject({
      payer: read.findings.payer?.value,
      planType: 'employer-fully-insured',
      memberId: 'W123456789',
      appealsAddress: read.findings.appealAddress?.value,
      payerFax: '(859) 455-8650',
    });
    expect(read.findings.appealAddress?.value).toContain('P.O. Box 14463');
    expect((await call('cases.get', { caseId })).coverageId).toBe(coverage!.id);
    const { deadlines } = await call('deadlines.listForCase', { caseId });
    expect(deadlines.map((deadline) => deadline.rule)).toContain('erisa_internal_appeal_filing');

    await call('history.undo', {});
    expect(await call('denials.listForCase', { caseId })).toEqual([]);
    expect((await call('deadlines.listForCase', { caseId })).deadlines).toEqual([]);
    expect((await call('cases.get', { caseId })).coverageId).toBeNull();
    expect(await coveragesOf(call, clientId)).toEqual([]);
  });

  it('puts the requesting provider and the dates of service the notice names into the appeal letter', async () => {
    const { call, caseId, documentId, read } = await caseWithoutCoverageAndItsNotice();
    await call('denials.record', {
      ...confirmedAsRead(caseId, documentId, read),
      planType: 'employer-fully-insured',
    });
    const [notice] = await call('denials.listForCase', { caseId });
    expect(notice?.requestingProvider).toBe('Dr. Helen Okafor, MD');
    expect(notice?.datesOfService).toBe('2026-03-01 to 2026-05-31');

    const letter = await call('letters.create', { caseId, templateId: 'internal-appeal-first-level' });
    const text = letterDocumentText(letter.body);
    expect(text).toContain('Dr. Helen Okafor, MD');
    expect(text).toContain('March 1, 2026 to May 31, 2026');
    expect(text).not.toContain('[treating provider — not recorded]');
    expect(text).not.toContain('[date(s) of service or requested start — not recorded]');
  });
});
