import { renderFieldMarkers } from '../../src/shared/domain/letter-render-fields';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/core/deadlines/date-arithmetic';
import { formatLongDate } from '../../src/shared/domain/long-date';
import { localToday } from '../../src/shared/schemas/fields';
import type { LetterDocument } from '../../src/shared/domain/letter-document';
import { openExportFixture, secrets } from '../exports/export-fixture';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { letterDocumentText } from './letter-document-text';

const newDataDirectory = useTemporaryDataDirectory();

const dayMs = 24 * 60 * 60 * 1000;
const fresh = { noticeDate: localToday(new Date(Date.now() - 3 * dayMs)) };

/** An esketamine (Spravato) case of the fixture's client, on its coverage, denied three days ago. */
async function openFreshDenial(fixture: Awaited<ReturnType<typeof openExportFixture>>) {
  const { call, clientId } = fixture;
  const original = await call('cases.get', { caseId: fixture.caseId });
  const opened = await call('cases.create', {
    clientId,
    treatment: 'esketamine',
    payer: 'UnitedHealthcare',
  });
  await call('cases.update', {
    caseId: opened.id,
    changes: {
      coverageId: original.coverageId,
      providerId: original.providerId,
      claimType: 'pre-service',
      procedureCodes: ['G2082'],
      diagnosisCodes: ['F33.2'],
      assignedAdvocate: 'Jordan Reyes',
    },
  });
  await call('events.add', {
    caseId: opened.id,
    event: {
      type: 'prior_auth_submitted',
      occurredAt: new Date(Date.now() - 10 * dayMs).toISOString(),
      summary: 'Spravato prior authorization faxed.',
      details: { method: 'fax', confirmationNumber: 'PA-2026-1101' },
    },
  });
  await call('events.add', {
    caseId: opened.id,
    event: {
      type: 'payer_decision',
      occurredAt: new Date(Date.now() - 2 * dayMs).toISOString(),
      summary: 'Spravato denied.',
      details: {
        decision: 'denied',
        noticeDate: fresh.noticeDate,
        reason: 'Spravato is not medically necessary: fewer than two antidepressant trials documented.',
      },
    },
  });
  return { caseId: opened.id };
}

describe('letters through the contract, on a real encrypted store', () => {
  it('fills a first-level appeal from the case, keeps an edit, and lists what is still unfilled', async () => {
    const fixture = await openExportFixture(newDataDirectory());
    const { call, documents } = fixture;
    // A second, freshly denied case of the same client, so the appeal window is still open today.
    const { caseId } = await openFreshDenial(fixture);
    for (const document of [documents.denial, documents.lmn])
      await call('vault.link', { documentId: document.id, target: { caseId } });
    // The evidence ledger: what the letter's treatment history and scores are read from.
    await call('treatmentHistory.add', {
      clientId: fixture.clientId,
      trial: {
        kind: 'medication',
        name: 'sertraline',
        drugClass: 'ssri',
        peakDose: '200 mg/day',
        startedOn: '2025-01-06',
        endedOn: '2025-03-31',
        weeksAtTherapeuticDose: 10,
        outcome: 'no_response',
        sourceDocumentId: documents.lmn.id,
      },
    });
    await call('treatmentHistory.add', {
      clientId: fixture.clientId,
      trial: {
        kind: 'medication',
        name: 'bupropion XL',
        drugClass: 'atypical',
        peakDose: '450 mg/day',
        startedOn: '2025-04-07',
        endedOn: '2025-06-30',
        weeksAtTherapeuticDose: 8,
        outcome: 'partial_response',
        sourceDocumentId: documents.lmn.id,
      },
    });
    await call('symptomScores.add', {
      clientId: fixture.clientId,
      score: { instrument: 'PHQ-9', score: 21, takenOn: '2026-03-28', sourceDocumentId: documents.lmn.id },
    });
    const letter = await call('letters.create', {
      caseId,
      templateId: 'internal-appeal-first-level',
      enclosureDocumentIds: [documents.denial.id, documents.lmn.id],
    });
    const text = letterDocumentText(letter.body);
    expect(letter.status).toBe('draft');
    expect(letter.kind).toBe('internal_appeal');
    expect(text).toContain(`Member ID: ${secrets.memberId}`);
    expect(text).toContain('Group number: GRP-55120');
    expect(text).toContain('Member: Imani Brooks');
    expect(text).toContain('Date of birth: February 29, 1984');
    expect(text).toContain('Claim / reference number: authorization PA-2026-1101');
    expect(text).toContain('Treating provider: Dr. Amara Osei, NPI 1457390861');
    expect(text).toContain(`Denial notice dated ${formatLongDate(fresh.noticeDate)}`);
    expect(text).toContain(
      '“Spravato is not medically necessary: fewer than two antidepressant trials documented.”',
    );
    // The deadline engine's own date and citation for the appeal window.
    // 180 days from the notice (its arrival date unknown, the notice date is the safe start).
    expect(text).toContain(
      `the deadline to file is ${formatLongDate(addCalendarDays(fresh.noticeDate, 180))} (29 CFR 2560.503-1(h)(3)(i); 45 CFR 147.136(b)(3))`,
    );
    expect(text).toContain('1. Denial letter: denial UHC88431207, dated March 10, 2026');
    expect(text).toContain('2. Letter of medical necessity: lmn, dated March 28, 2026');
    // The signer is filled from the profile when the letter is printed (letter-sending.test.ts).
    expect(text).toContain(`${renderFieldMarkers.signerName}\nAuthorized representative for Imani Brooks`);
    expect(letter.enclosureDocumentIds).toEqual([documents.denial.id, documents.lmn.id]);
    expect(text).toMatch(
      /1\. Sertraline \(SSRI\), up to 200 mg\/day, January 6, 2025 to March 31, 2025, 10 weeks at a therapeutic dose: no response\. Source: .*\(Enclosure 2\)\./,
    );
    expect(text).toMatch(/• PHQ-9: 21 on March 28, 2026\. Source: .*\(Enclosure 2\)\./);
    expect(letter.unfilledPrompts).not.toContain('[treatment history — not recorded]');
    // The Criteria tab's own evaluation: the UnitedHealthcare Spravato set, the criteria met with
    // their evidence, and the denial's reason answered with the criterion it concerns.
    expect(text).toContain(
      'Your policy for this treatment is UnitedHealthcare — Ketalar (ketamine) and Spravato (esketamine), TRD CSLA2020D0069H.',
    );
    expect(text).toContain('• Adult with DSM-5 major depressive disorder — met.');
    expect(text).toMatch(
      /This is not correct\. The records meet the criterion of your policy that this reason concerns:\s+• At least 2 antidepressant treatments without clinically meaningful improvement — met\. 2 antidepressant trials count: sertraline .* and bupropion XL .*\(Enclosure 2\)/,
    );
    expect(letter.unfilledPrompts).not.toContain('[criteria met, with evidence — not recorded]');
    expect(letter.unfilledPrompts).not.toContain('[payer policy used — not recorded]');
    expect(letter.unfilledPrompts).not.toContain('[records answering this reason — not recorded]');
    expect(letter.unfilledPrompts).toContain("[client's signed authorization for you to act — none chosen]");
    expect(letter.unfilledCount).toBe(letter.unfilledPrompts.length);

    const edited: LetterDocument = {
      blocks: [
        ...letter.body.blocks,
        {
          type: 'paragraph',
          runs: [{ text: 'Thank you for ' }, { text: 'prompt', bold: true }, { text: ' attention.' }],
        },
      ],
    };
    await call('letters.update', {
      letterId: letter.id,
      changes: { body: edited, title: 'Appeal of the March denial' },
    });
    const reread = await call('letters.get', { letterId: letter.id });
    expect(reread.body).toEqual(edited);
    expect(reread.title).toBe('Appeal of the March denial');
    const listed = await call('letters.list', { caseId });
    expect(listed.map((summary) => summary.title)).toEqual(['Appeal of the March denial']);

    const audit = await fixture.session.useStore(({ db }) =>
      db.selectFrom('audit_log').select(['action']).where('table_name', '=', 'letters').execute(),
    );
    expect(audit.map((entry) => entry.action)).toEqual(['insert', 'update']);
    // The letter is stored as structured JSON, never HTML.
    const stored = await fixture.session.useStore(({ db }) =>
      db.selectFrom('letters').select('body').where('id', '=', letter.id).executeTakeFirstOrThrow(),
    );
    expect(stored.body).not.toMatch(/<\/?[a-z]+>/);
    await fixture.session.lock();
  });

  it('refuses bad input with a message by the field, and keeps what was saved', async () => {
    const fixture = await openExportFixture(newDataDirectory());
    const { call, failure, caseId } = fixture;
    const other = await call('clients.create', { fullName: 'Someone Else' });
    const otherCase = await call('cases.create', {
      clientId: other.id,
      treatment: 'tms',
      payer: 'Other Health',
    });
    const letter = await call('letters.create', { caseId, templateId: 'claim-file-request' });

    const notThisCase = await failure(
      call('letters.create', {
        caseId: otherCase.id,
        templateId: 'claim-file-request',
        enclosureDocumentIds: [fixture.documents.denial.id],
      }),
    );
    expect(notThisCase.field).toBe('enclosureDocumentIds');
    expect(notThisCase.message).toMatch(/not filed to this case or its client/);

    const noTemplate = await failure(call('letters.create', { caseId, templateId: 'no-such-template' }));
    expect(noTemplate.field).toBe('templateId');

    const sentWithoutDate = await failure(
      call('letters.update', { letterId: letter.id, changes: { status: 'sent', sentVia: 'fax' } }),
    );
    expect(sentWithoutDate).toMatchObject({
      field: 'changes.sentOn',
      message: 'Give the day the letter was sent.',
    });

    const notHtml = await failure(
      call('letters.update', {
        letterId: letter.id,
        changes: { body: { blocks: [{ type: 'html', html: '<p>x</p>' }] } as unknown as LetterDocument },
      }),
    );
    expect(notHtml.message).toMatch(/heading, a paragraph or a list/);

    const unchanged = await call('letters.get', { letterId: letter.id });
    expect(unchanged.body).toEqual(letter.body);
    expect(unchanged.status).toBe('draft');

    const sent = await call('letters.update', {
      letterId: letter.id,
      changes: { status: 'sent', sentOn: '2026-04-01', sentVia: 'fax' },
    });
    expect(sent).toMatchObject({ status: 'sent', sentOn: '2026-04-01', sentVia: 'fax' });
    const backToDraft = await call('letters.update', { letterId: letter.id, changes: { status: 'draft' } });
    expect(backToDraft).toMatchObject({ status: 'draft', sentOn: null, sentVia: null });

    await call('letters.delete', { letterId: letter.id });
    expect(await call('letters.list', { caseId })).toEqual([]);
    expect((await failure(call('letters.get', { letterId: letter.id }))).code).toBe('NOT_FOUND');
    await fixture.session.lock();
  });

  it('user templates: duplicate, edit, refuse an unknown placeholder, export and import, delete', async () => {
    const fixture = await openExportFixture(newDataDirectory());
    const { call, failure, caseId } = fixture;
    const templates = await call('letterTemplates.list', {});
    expect(templates.filter((template) => template.isShipped)).toHaveLength(11);
    for (const template of templates) expect(template.description.length).toBeGreaterThan(20);

    const shippedEdit = await failure(
      call('letterTemplates.save', {
        templateId: 'internal-appeal-first-level',
        title: 'Mine',
        kind: 'internal_appeal',
        description: 'An edited copy of the appeal.',
        body: 'Dear {{payer_name}},',
      }),
    );
    expect(shippedEdit.message).toMatch(/Duplicate it and edit the copy/);

    const copy = await call('letterTemplates.duplicate', { templateId: 'internal-appeal-first-level' });
    expect(copy).toMatchObject({ id: 'internal-appeal-first-level-copy', isShipped: false });

    const typo = await failure(
      call('letterTemplates.save', {
        templateId: copy.id,
        title: copy.title,
        kind: copy.kind,
        description: copy.description,
        body: `${copy.body}\n\nSee {{member_idd}}.`,
      }),
    );
    expect(typo.field).toBe('body');
    expect(typo.message).toMatch(/\{\{member_idd\}\} is not a placeholder/);
    expect((await call('letterTemplates.get', { templateId: copy.id })).body).toBe(copy.body);

    const saved = await call('letterTemplates.save', {
      templateId: copy.id,
      title: 'Appeal, short',
      kind: 'internal_appeal',
      description: 'A shorter appeal for simple denials.',
      body: '{{today}}\n\n**Re: appeal for {{client_name}}**\n\nPlease reverse the denial of {{treatment}}.\n\n{{enclosures}}',
    });
    expect(saved.placeholders).toEqual(['today', 'client_name', 'treatment', 'enclosures']);

    const exported = await call('letterTemplates.export', { templateId: saved.id });
    expect(exported.fileName).toBe('internal-appeal-first-level-copy.md');
    expect(exported.text).toMatch(
      /^---\nid: internal-appeal-first-level-copy\ntitle: Appeal, short\nkind: internal_appeal\n/,
    );
    const imported = await call('letterTemplates.import', { fileText: exported.text });
    expect(imported.id).toBe('internal-appeal-first-level-copy-2');
    expect(imported.body).toBe(saved.body);

    const notATemplate = await failure(call('letterTemplates.import', { fileText: 'Just a letter.' }));
    expect(notATemplate.field).toBe('fileText');
    expect(notATemplate.message).toMatch(/no front matter/);

    const letter = await call('letters.create', { caseId, templateId: imported.id });
    expect(letterDocumentText(letter.body)).toContain('Re: appeal for Imani Brooks');
    expect(letter.body.blocks[1]).toEqual({
      type: 'paragraph',
      runs: [{ text: 'Re: appeal for Imani Brooks', bold: true }],
    });

    expect((await failure(call('letterTemplates.delete', { templateId: 'claim-file-request' }))).field).toBe(
      'templateId',
    );
    await call('letterTemplates.delete', { templateId: imported.id });
    expect((await call('letterTemplates.list', {})).map((template) => template.id)).not.toContain(
      imported.id,
    );
    // The letter made from it stays.
    expect((await call('letters.get', { letterId: letter.id })).templateId).toBe(imported.id);
    await fixture.session.lock();
  });
});
