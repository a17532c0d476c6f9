import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/session/session';
import { startContractSession } from '../helpers/contract-session';
import { openCaseOnCoverage } from '../helpers/case-on-coverage';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
let session: Session | undefined;
afterEach(async () => session?.lock());

/**
 * No internal text reaches a person. A deadline settled by an event names
 * the timeline entry, not the engine's "denial-notice … (events[1])"; every source is a title a
 * reader recognises, with its link, not "payer-criteria reference §4".
 */
describe('text a person reads on a case', () => {
  it('a met deadline names the entry that met it, and every funding source is a readable title with a link', async () => {
    const contract = await startContractSession(newDataDirectory());
    session = contract.session;
    const { call } = contract;
    const { opened } = await openCaseOnCoverage(call, {
      client: { fullName: 'Elena Park', state: 'OR' },
      treatment: 'esketamine',
      payer: 'Aetna',
      planType: 'employer-self-funded',
    });
    await call('events.add', {
      caseId: opened.id,
      event: {
        type: 'prior_auth_submitted',
        occurredAt: '2026-09-01T14:00:00Z',
        summary: 'Prior authorization faxed',
        details: { method: 'fax', receivedByPayerAt: '2026-09-01T14:00:00Z' },
      },
    });
    await call('events.add', {
      caseId: opened.id,
      event: {
        type: 'payer_decision',
        occurredAt: '2026-09-10T15:00:00Z',
        summary: 'Denied',
        details: { decision: 'denied', noticeDate: '2026-09-10', receivedOn: '2026-09-12' },
      },
    });
    const { deadlines } = await call('deadlines.listForCase', { caseId: opened.id });
    const decision = deadlines.find((deadline) => deadline.rule === 'erisa_preservice_initial_decision');
    expect(decision?.status).toBe('met');
    expect(decision?.note).toMatch(/^Met: the denial notice dated 2026-09-10\. /);
    for (const deadline of deadlines) {
      expect(deadline.note ?? '').not.toMatch(/events\[|denial-notice|request-received|appeal-received/);
    }

    const funding = await call('funding.getForCase', { caseId: opened.id });
    expect(funding.notYetConsidered.length).toBeGreaterThan(0);
    for (const suggestion of funding.notYetConsidered) {
      if (suggestion.sourceText === null) continue;
      expect(suggestion.sourceText).not.toMatch(/reference|§/);
      expect(suggestion.sourceUrl).toMatch(/^https:\/\//);
    }
  });
});
