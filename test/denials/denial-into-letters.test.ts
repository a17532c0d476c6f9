import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/session/session';
import { pdfText } from '../exports/export-fixture';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { letterDocumentText } from '../letters/letter-document-text';
import { sampleProfile } from '../letters/sample-letter';
import { openTestVault } from '../vault/vault-helpers';
import { caseWithNoticeInVault, confirmedEmployerPlanDenial } from './recorded-notice-fixtures';

const newDataDirectory = useTemporaryDataDirectory();
let session: Session | undefined;
afterEach(async () => session?.lock());

async function caseWithRecordedNotice() {
  const dataDirectory = newDataDirectory();
  const vault = await openTestVault(dataDirectory);
  session = vault.session;
  const { caseId, documentId } = await caseWithNoticeInVault(vault.call, vault.clientId);
  await vault.call('denials.record', { caseId, documentId, ...confirmedEmployerPlanDenial });
  return { ...vault, caseId, dataDirectory };
}

const planProvisionArgument =
  'The notice did not identify the plan provision relied on, 29 CFR 2560.503-1(g)(1)(ii).';
const externalReviewArgument =
  'The notice did not describe external review, 29 CFR 2590.715-2719(b)(2)(ii)(E); 45 CFR 147.136(b)(2)–(3).';
const shortWindowArgument =
  'The notice gave 60 days to appeal, less than the law allows, 29 CFR 2560.503-1(h)(3)(i); 45 CFR 147.136(b)(3).';

describe("a recorded denial notice's defects in the letters", () => {
  it('the internal appeal argues each defect with its citation, and the printed PDF says so', async () => {
    const { call, caseId, dataDirectory } = await caseWithRecordedNotice();
    await call('profile.save', sampleProfile);
    const letter = await call('letters.create', { caseId, templateId: 'internal-appeal-first-level' });
    const text = letterDocumentText(letter.body);
    expect(text).toContain('The denial notice did not meet the law.');
    expect(text).toContain(`• ${planProvisionArgument}`);
    expect(text).toContain(`• ${externalReviewArgument}`);
    expect(text).toContain(`• ${shortWindowArgument}`);
    // What the check tells the advocate stays out of the letter to the payer.
    expect(text).not.toContain('The appeal deadline on this case');
    expect(text).toContain('Claim / reference number: SHP-2026-88412');

    const pdf = await call('letters.exportPdf', {
      letterId: letter.id,
      date: '2026-12-01',
      allowUnfilled: true,
    });
    const path = join(dataDirectory, 'appeal.pdf');
    writeFileSync(path, Buffer.from(pdf.data, 'base64'));
    const printed = pdfText(path).replace(/\s+/g, ' ');
    expect(printed).toContain(planProvisionArgument);
    expect(printed).toContain(
      'The notice did not describe external review, 29 CFR 2590.715-2719(b)(2)(ii)(E)',
    );
  });

  it('the external review request and the state complaint quote the same defects', async () => {
    const { call, caseId } = await caseWithRecordedNotice();
    for (const templateId of ['external-review-request', 'state-insurance-complaint']) {
      const text = letterDocumentText((await call('letters.create', { caseId, templateId })).body);
      expect(text, templateId).toContain(`• ${planProvisionArgument}`);
      expect(text, templateId).toContain(`• ${externalReviewArgument}`);
    }
  });

  it('the claim-file request asks for exactly what the notice failed to give', async () => {
    const { call, caseId } = await caseWithRecordedNotice();
    const text = letterDocumentText(
      (await call('letters.create', { caseId, templateId: 'claim-file-request' })).body,
    );
    const asked = text
      .split('\n')
      .filter((line) => line.startsWith('• '))
      .map((line) => line.slice(2));
    expect(asked).toEqual([
      'the plan provision or provisions the denial relied on (29 CFR 2560.503-1(g)(1)(ii));',
      'a description of the external review process and how to start it (29 CFR 2590.715-2719(b)(2)(ii)(E); 45 CFR 147.136(b)(2)–(3));',
      "an explanation of the scientific or clinical judgment applying the plan's terms to the member's medical circumstances (29 CFR 2560.503-1(g)(1)(v)(B));",
    ]);
  });

  it('a case without a notice read into it has no notice argument', async () => {
    const vault = await openTestVault(newDataDirectory());
    session = vault.session;
    const text = letterDocumentText(
      (
        await vault.call('letters.create', {
          caseId: vault.caseId,
          templateId: 'internal-appeal-first-level',
        })
      ).body,
    );
    expect(text).not.toContain('The denial notice did not meet the law.');
  });
});
