import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/session/session';
import { addCalendarDays } from '../../src/core/deadlines/date-arithmetic';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { openTestVault } from '../vault/vault-helpers';
import { caseWithNoticeInVault, confirmedEmployerPlanDenial } from './recorded-notice-fixtures';

const newDataDirectory = useTemporaryDataDirectory();
let session: Session | undefined;
afterEach(async () => session?.lock());

async function recordedCase() {
  const vault = await openTestVault(newDataDirectory());
  session = vault.session;
  const { call, clientId } = vault;
  const { caseId, coverageId, documentId } = await caseWithNoticeInVault(call, clientId);
  return { ...vault, caseId, coverageId, documentId };
}

describe('recording a denial notice into a case', () => {
  it('puts the denial on the timeline, the appeal contacts on the coverage, the policy on the criteria and computes the appeal deadline', async () => {
    const { call, caseId, clientId, documentId } = await recordedCase();
    const recorded = await call('denials.record', { caseId, documentId, ...confirmedEmployerPlanDenial });

    const { events } = await call('events.list', { caseId, types: ['payer_decision'] });
    expect(events).toHaveLength(1);
    expect(events[0]!.id).toBe(recorded.eventId);
    expect(events[0]!.summary).toBe(
      'Denied (not medically necessary): “Esketamine is not medically necessary because fewer than two antidepressant trials are documented.”',
    );
    expect(events[0]!.details).toMatchObject({
      decision: 'denied',
      level: 0,
      noticeDate: '2026-11-02',
      receivedOn: '2026-11-05',
      referenceNumber: 'SHP-2026-88412',
    });

    const filedToEvent = await call('vault.list', { eventId: recorded.eventId });
    expect(filedToEvent.map((document) => document.id)).toEqual([documentId]);

    const client = await call('clients.get', { clientId });
    expect(client.coverages[0]).toMatchObject({
      appealsAddress: 'Summit Health Plan Appeals, PO Box 4412, Hartford, CT 06101',
      payerFax: '(860) 555-0142',
    });

    const criteria = await call('criteria.evaluateCase', { caseId });
    expect(criteria.choice?.policyName).toBe('Clinical Policy Bulletin 0897 Esketamine');
    // A medical-necessity denial disputes the criteria the Criteria tab judges.
    expect(criteria.denialLink).toMatchObject({
      reasonCategory: 'not-medically-necessary',
      disputes: 'criteria',
    });
    expect(criteria.denialLink?.explanation).toMatch(
      /^The denial says the treatment is not medically necessary, so it disputes the criteria of /,
    );

    // An employer plan: at least 180 days from receipt of the notice (docs/domain/deadlines.md).
    const { deadlines } = await call('deadlines.listForCase', { caseId });
    const appeal = deadlines.find((deadline) => deadline.rule === 'erisa_internal_appeal_filing');
    expect(appeal?.dueOn).toBe(addCalendarDays('2026-11-05', 180));
    expect(appeal?.citationText).toBe('29 CFR 2560.503-1(h)(3)(i); 45 CFR 147.136(b)(3)');
  });

  it('keeps the law’s window as the deadline and lists the notice’s shorter one as a finding with its citation', async () => {
    const { call, caseId, documentId } = await recordedCase();
    await call('denials.record', { caseId, documentId, ...confirmedEmployerPlanDenial });

    const [notice] = await call('denials.listForCase', { caseId });
    expect(notice?.referenceNumber).toBe('SHP-2026-88412');
    expect(notice?.reasonCategory).toBe('not-medically-necessary');
    expect(notice?.statedWindow).toEqual({ amount: 60, unit: 'days', from: 'notice-date' });
    expect(notice?.noticeCheck.findings.map((finding) => finding.id)).toEqual([
      'appeal-window-too-short',
      'criteria-not-offered',
    ]);
    expect(notice?.noticeCheck.findings[0]).toEqual({
      id: 'appeal-window-too-short',
      message:
        "The notice gives 60 days to appeal; the law gives 180 days. The appeal deadline on this case is the law's.",
      citation: '29 CFR 2560.503-1(h)(3)(i); 45 CFR 147.136(b)(3)',
    });
    const missing = notice?.noticeCheck.elements.filter((element) => element.status === 'missing');
    expect(missing?.map((element) => element.id)).toEqual([
      'plan-provision',
      'external-review',
      'clinical-judgment',
    ]);
  });

  it('finds nothing short in a notice that gives the law’s window', async () => {
    const { call, caseId, documentId } = await recordedCase();
    await call('denials.record', {
      caseId,
      documentId,
      ...confirmedEmployerPlanDenial,
      statedWindow: { amount: 180, unit: 'days', from: 'receipt' },
    });
    const [notice] = await call('denials.listForCase', { caseId });
    expect(notice?.noticeCheck.findings.map((finding) => finding.id)).toEqual(['criteria-not-offered']);
  });

  it('takes the whole recording back with one Undo', async () => {
    const { call, caseId, clientId, documentId } = await recordedCase();
    const stageBefore = (await call('cases.get', { caseId })).stage;
    await call('denials.record', { caseId, documentId, ...confirmedEmployerPlanDenial });
    expect((await call('cases.get', { caseId })).stage).not.toBe(stageBefore);
    const edits = await call('history.recent', { limit: 1 });
    expect(edits[0]?.label).toBe('Recorded the denial notice of 2026-11-02');

    await call('history.undo', {});
    expect((await call('events.list', { caseId, types: ['payer_decision'] })).events).toEqual([]);
    expect((await call('deadlines.listForCase', { caseId })).deadlines).toEqual([]);
    expect(await call('denials.listForCase', { caseId })).toEqual([]);
    const client = await call('clients.get', { clientId });
    expect(client.coverages[0]).toMatchObject({ appealsAddress: null, payerFax: null });
    expect((await call('criteria.evaluateCase', { caseId })).choice).toBeNull();
    expect((await call('cases.get', { caseId })).stage).toBe(stageBefore);
  });

  it('refuses a notice that arrived before its date, saying which date to check, and records nothing', async () => {
    const { call, failure, caseId, documentId } = await recordedCase();
    const error = await failure(
      call('denials.record', {
        caseId,
        documentId,
        ...confirmedEmployerPlanDenial,
        receivedOn: '2026-10-30',
      }),
    );
    expect(error.field).toBe('receivedOn');
    expect(error.message).toBe('The notice cannot arrive before the date printed on it. Check both dates.');
    expect(await call('denials.listForCase', { caseId })).toEqual([]);
  });
});

describe('reading a vault document as a denial notice', () => {
  it("returns the notice's text, the fields found with their words, and the check under the case's plan type", async () => {
    const { call, caseId, documentId } = await recordedCase();
    const read = await call('denials.readDocument', { documentId, caseId });
    expect(read.fileName).toBe('summit-denial.txt');
    expect(read.isRecognised).toBe(false);
    expect(read.confidence).toBeNull();
    expect(read.findings.referenceNumber?.value).toBe('SHP-2026-88412');
    const source = read.findings.referenceNumber!.source;
    expect(read.text.slice(source.start, source.end)).toContain('SHP-2026-88412');
    expect(read.findings.appealWindow?.value).toEqual({ amount: 60, unit: 'days', from: 'notice-date' });
    expect(read.noticeCheck.planType).toBe('employer-self-funded');
    expect(read.planTypeFrom).toBe('coverage');
    expect(read.noticeCheck.elements.find((element) => element.id === 'external-review')?.status).toBe(
      'missing',
    );
  });

  it("names the case's treatment when the notice denies another service, and stays quiet when they agree", async () => {
    const { call, caseId, documentId } = await recordedCase();
    const matching = await call('denials.readDocument', { documentId, caseId });
    expect(matching.findings.service?.value).toMatch(/Spravato|esketamine/i);
    expect(matching.caseTreatmentTheServiceDiffersFrom).toBeNull();

    await call('cases.update', { caseId, changes: { treatment: 'tms' } });
    const differing = await call('denials.readDocument', { documentId, caseId });
    expect(differing.caseTreatmentTheServiceDiffersFrom).toBe('TMS');
    // Read without a case there is nothing to compare with.
    expect(
      (await call('denials.readDocument', { documentId })).caseTreatmentTheServiceDiffersFrom,
    ).toBeNull();
  });

  it('checks under the plan type asked for, and says plainly when the document is gone', async () => {
    const { call, failure, caseId, documentId } = await recordedCase();
    const read = await call('denials.readDocument', { documentId, caseId, planType: 'medicare-advantage' });
    expect(read.noticeCheck.planType).toBe('medicare-advantage');
    expect(read.planTypeFrom).toBe('asked');
    // Without a case and with a notice that names no kind of plan, the employer list is assumed
    // and said to be (the dialog then warns that no coverage is linked).
    const unlinked = await call('denials.readDocument', { documentId });
    expect(unlinked.planTypeFrom).toBe('assumed');
    expect(unlinked.noticeCheck.planType).toBe('employer-self-funded');
    await call('vault.trash', { documentId });
    const error = await failure(call('denials.readDocument', { documentId }));
    expect(error.field).toBe('documentId');
    expect(error.message).toMatch(/^That document is not in the vault/);
  });
});
