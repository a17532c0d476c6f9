import type { NoticeCheck } from '../../src/shared/schemas/denial-notice';
import type { Call } from '../vault/vault-helpers';
import { addFile } from '../vault/vault-helpers';

/** A commercial denial as a payer writes it, short of several elements the law requires. */
export const employerPlanNotice = `Summit Health Plan
PO Box 4410, Hartford, CT 06101
Date: November 2, 2026
Reference number: SHP-2026-88412
Member ID: W998877665

Dear Member,
Your request for esketamine nasal spray (Spravato) has been denied.
Reason: Esketamine is not medically necessary because fewer than two antidepressant trials are documented.
Policy: Clinical Policy Bulletin 0897 Esketamine
You may appeal within 60 days of the date of this letter. Send your appeal to
Summit Health Plan Appeals, PO Box 4412, Hartford, CT 06101, fax 860-555-0142.`;

/** The check as the notice reader reports it for this notice under an employer plan. */
export const employerPlanNoticeCheck: NoticeCheck = {
  planType: 'employer-self-funded',
  elements: [
    {
      id: 'specific-reason',
      status: 'present',
      citation: '29 CFR 2560.503-1(g)(1)(i)',
      quote:
        'Esketamine is not medically necessary because fewer than two antidepressant trials are documented.',
    },
    { id: 'plan-provision', status: 'missing', citation: '29 CFR 2560.503-1(g)(1)(ii)', quote: null },
    {
      id: 'external-review',
      status: 'missing',
      citation: '29 CFR 2590.715-2719(b)(2)(ii)(E); 45 CFR 147.136(b)(2)–(3)',
      quote: null,
    },
    {
      id: 'clinical-judgment',
      status: 'missing',
      citation: '29 CFR 2560.503-1(g)(1)(v)(B)',
      quote: null,
    },
    {
      id: 'appeal-procedures',
      status: 'present',
      citation: '29 CFR 2560.503-1(g)(1)(iv)',
      quote: 'You may appeal within 60 days of the date of this letter.',
    },
  ],
  findings: [
    {
      id: 'criteria-not-offered',
      message:
        'The denial rests on medical necessity, but the notice neither explains the clinical judgment nor offers it free of charge.',
      citation: '29 CFR 2560.503-1(g)(1)(v)(B)',
    },
  ],
};

/** A client with an employer plan and an esketamine case on it; the notice filed in the vault. */
export async function caseWithNoticeInVault(call: Call, clientId: number) {
  const coverage = await call('coverages.create', {
    clientId,
    payer: 'Summit Health Plan',
    planType: 'employer-self-funded',
    memberId: 'W998877665',
  });
  const opened = await call('cases.create', {
    clientId,
    treatment: 'esketamine',
    payer: 'Summit Health Plan',
  });
  await call('cases.update', {
    caseId: opened.id,
    changes: { coverageId: coverage.id, claimType: 'pre-service' },
  });
  const notice = await addFile(call, 'summit-denial.txt', Buffer.from(employerPlanNotice), {
    caseId: opened.id,
  });
  if (!notice.document) throw new Error(`The notice was not added: ${notice.message}`);
  return { caseId: opened.id, coverageId: coverage.id, documentId: notice.document.id };
}

export const confirmedEmployerPlanDenial = {
  noticeDate: '2026-11-02',
  receivedOn: '2026-11-05',
  referenceNumber: 'SHP-2026-88412',
  reasonText:
    'Esketamine is not medically necessary because fewer than two antidepressant trials are documented.',
  reasonCategory: 'not-medically-necessary',
  policyCited: 'Clinical Policy Bulletin 0897 Esketamine',
  denialCode: null,
  appealAddress: 'Summit Health Plan Appeals, PO Box 4412, Hartford, CT 06101',
  appealFax: '8605550142',
  appealPhone: null,
  statedWindow: { amount: 60, unit: 'days', from: 'notice-date' },
  noticeCheck: employerPlanNoticeCheck,
} as const;
