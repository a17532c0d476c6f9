import { renderFieldMarkers } from '../../src/shared/domain/letter-render-fields';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assertTemplateBodyIsValid,
  fillLetterTemplate,
  placeholdersUsedIn,
} from '../../src/core/letters/fill-letter-template';
import { deadlineRules } from '../../src/core/deadlines/rules';
import { placeholdersByName } from '../../src/core/letters/letter-placeholders';
import type { LetterContext } from '../../src/core/letters/letter-context';
import { shippedLetterTemplates } from '../../src/core/letters/shipped-letter-templates';
import { findUnfilledPrompts, unfilledPromptPattern } from '../../src/shared/domain/letter-prompts';
import { formattedPlaceholderDoc, placeholderDocPath } from '../../scripts/write-letter-placeholders-doc';
import { letterDocumentText } from './letter-document-text';
import { richLetterContext, sparseLetterContext } from './letter-context-fixtures';

function render(templateId: string, context: LetterContext) {
  const template = shippedLetterTemplates.find((candidate) => candidate.id === templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  const filled = fillLetterTemplate(template.body, { ...context, letterKind: template.kind });
  return { template, filled, text: letterDocumentText(filled.document) };
}

const richFor = (templateId: string): LetterContext =>
  templateId === 'internal-appeal-second-level'
    ? { ...richLetterContext, appealsFiled: [{ level: 1, filedOn: '2025-10-25' }] }
    : richLetterContext;

describe('shipped letter templates', () => {
  it('ships the ten letters the issue lists and the Medicare Advantage reconsideration, each valid', () => {
    expect(shippedLetterTemplates.map((template) => template.id)).toEqual([
      'letter-of-medical-necessity',
      'prior-authorization-cover',
      'expedited-review-request',
      'internal-appeal-first-level',
      'internal-appeal-second-level',
      'claim-file-request',
      'external-review-request',
      'single-case-agreement-request',
      'state-insurance-complaint',
      'medicare-redetermination-request',
      'medicare-advantage-reconsideration-request',
    ]);
    for (const template of shippedLetterTemplates)
      expect(() => assertTemplateBodyIsValid(template.body)).not.toThrow();
  });

  it.each(shippedLetterTemplates.map((template) => template.id))(
    '%s fills every placeholder from a fully recorded case',
    (templateId) => {
      const { template, filled, text } = render(templateId, richFor(templateId));
      expect(filled.unfilled).toEqual([]);
      expect(text).not.toContain('{{');
      // The only prompts left are the ones the template writes for what only a person can supply.
      const ownPrompts = [...template.body.matchAll(unfilledPromptPattern)].map((match) => match[0]);
      expect(findUnfilledPrompts(filled.document)).toEqual(ownPrompts);
      expect(text).toContain('Maria Alvarez');
    },
  );

  it.each(shippedLetterTemplates.map((template) => template.id))(
    '%s shows a bracketed prompt, never a blank, for each fact a new case lacks',
    (templateId) => {
      const { filled, text } = render(templateId, sparseLetterContext);
      expect(filled.unfilled.length).toBeGreaterThan(0);
      for (const name of filled.unfilled) expect(name).toMatch(/^[a-z_]+$/);
      expect(findUnfilledPrompts(filled.document).length).toBeGreaterThan(0);
      // Only the statements that have nothing to say for a standard, on-time case with no denial
      // notice read into it may be empty.
      const { template } = render(templateId, sparseLetterContext);
      const silent = placeholdersUsedIn(template.body).filter(
        (name) =>
          placeholdersByName
            .get(name)
            ?.fill(
              { ...sparseLetterContext, letterKind: template.kind },
              { placeholders: new Set(placeholdersUsedIn(template.body)) },
            ) === '',
      );
      const mayBeSilent = [
        'urgency_statement',
        'procedural_issues',
        'notice_defects',
        'notice_omissions_requested',
      ];
      expect(silent.filter((name) => !mayBeSilent.includes(name))).toEqual([]);
      expect(text).not.toMatch(/\(\)|: ,|, ,/);
    },
  );

  it('a sparse appeal asks for the member ID, the denial reason and the criteria by name', () => {
    const { text } = render('internal-appeal-first-level', sparseLetterContext);
    expect(text).toContain('Member ID: [member ID — not recorded]');
    expect(text).toContain("[the denial's stated reason — not recorded]");
    expect(text).toContain('[criteria met, with evidence — not recorded]');
    expect(text).toContain('[filing deadline — not computed]');
    expect(text).toContain('[enclosures — none chosen]');
  });

  it('the first-level appeal has every element of the identification block and skeleton (denial-and-appeal-content.md §5.1, §5.3)', () => {
    const { text } = render('internal-appeal-first-level', richLetterContext);
    const required: readonly [string, string | RegExp][] = [
      // Filled when printed, so a draft sent later carries the day it goes (letter-sending.test.ts).
      ['date', renderFieldMarkers.letterDate],
      ['member name', 'Member: Maria Alvarez'],
      ['date of birth', 'Date of birth: February 29, 1984'],
      ['member ID', 'Member ID: ACM123456789'],
      ['group number', 'Group number: GRP-5521'],
      ['plan name and type', 'Plan: Acme Choice PPO (Employer plan, fully insured)'],
      ['claim or reference number', 'Claim / reference number: authorization PA-7781'],
      ['dates of service', 'Date(s) of service or requested start: October 1, 2025'],
      ['provider and NPI', 'Treating provider: Dr. Priya Nair, NPI 1234567893'],
      ['CPT/HCPCS code', 'G2083'],
      ['ICD-10 code', 'F33.2 (Major depressive disorder, recurrent severe without psychotic features)'],
      ['notice date and date received', 'Denial notice dated October 18, 2025, received October 21, 2025'],
      ['type of request', 'Re: Standard appeal of adverse benefit determination'],
      ['relief requested', /reverse it and approve esketamine \(Spravato\)/],
      ['first reason quoted', '“The member has not tried two antidepressants from different classes.”'],
      ['second reason quoted', '“Esketamine must be given with an oral antidepressant.”'],
      [
        'criterion met with exhibit',
        /At least 2 antidepressants from different classes.*— met\..*Pharmacy fill history, June 30, 2025 \(Enclosure 2\)/,
      ],
      [
        'policy named',
        'Acme Health clinical policy: Esketamine (Spravato) CP-0123 (version of March 1, 2025)',
      ],
      [
        'treatment history',
        /1\. Sertraline \(SSRI\), up to 200 mg\/day, January 5, 2024 to April 1, 2024, 10 weeks at a therapeutic dose: no response/,
      ],
      ['no deference, different decision-maker', '29 CFR 2560.503-1(h)(3)(ii)'],
      ['all information considered', '29 CFR 2560.503-1(h)(2)(iv)'],
      ['appropriate medical expert', '29 CFR 2560.503-1(h)(3)(iii), (v)'],
      ['experts identified', '29 CFR 2560.503-1(h)(3)(iv)'],
      ['claim file free of charge', /free of charge, the complete claim file/],
      ['new evidence or rationale before decision', '29 CFR 2590.715-2719(b)(2)(ii)(C)'],
      ['parity criteria', '29 CFR 2590.712(d)'],
      ['filing deadline with its rule', 'April 18, 2026 (29 CFR 2560.503-1(h)(3)(i); 45 CFR 147.136(b)(3))'],
      [
        'decision deadline with its rule',
        /must decide a pre-service appeal within 30 days of receiving it \(29 CFR 2560\.503-1\(i\)\(2\)\(ii\)\)/,
      ],
      [
        'procedural issue: late decision',
        /decision was due October 6, 2025 \(29 CFR 2560\.503-1\(f\)\(2\)\(iii\)\(A\)\) and was late/,
      ],
      ['enclosures listed', '2. Medical records: pharmacy fill history, dated June 30, 2025'],
      [
        'authorization enclosed',
        'A signed authorization for me to act on this matter is enclosed (Enclosure 4).',
      ],
      // The signer and the date come from the profile and the day of printing, not the draft.
      [
        'signature',
        '[your name — from your profile when printed]\nAuthorized representative for Maria Alvarez',
      ],
    ];
    for (const [element, expected] of required) {
      if (typeof expected === 'string') expect(text, element).toContain(expected);
      else expect(text, element).toMatch(expected);
    }
  });

  it('answers the oral-antidepressant reason for esketamine with the January 2025 monotherapy label', () => {
    const { text } = render('internal-appeal-first-level', richLetterContext);
    expect(text).toMatch(
      /since January 21, 2025 the FDA label allows its use for that indication as monotherapy/,
    );
  });

  it('an expedited request is urgent whatever the case says, and asks for a 72-hour decision', () => {
    const { text } = render('expedited-review-request', richLetterContext);
    expect(text).toContain('Please decide within 72 hours');
    expect(text).toContain('29 CFR 2560.503-1(i)(2)(i)');
    expect(text).toContain('29 CFR 2560.503-1(h)(3)(vi)');
  });

  it('sets out each criterion once: under the reason it answers, and the criteria section lists only the rest', () => {
    const { text } = render('internal-appeal-first-level', richLetterContext);
    const twoClasses = 'At least 2 antidepressants from different classes at adequate dose and duration';
    expect(text.split(twoClasses)).toHaveLength(2);
    // Severity and REMS answer no reason of this notice: they stay in the criteria section.
    expect(text.split('Severe depression on a standardized scale')).toHaveLength(2);
    expect(text).toContain('Those set out above, under the reasons they answer, and:');

    // "Not medically necessary" concerns every criterion: all are argued there, none listed twice,
    // and a later reason about the trials points back instead of repeating the paragraph.
    const general: LetterContext = {
      ...richLetterContext,
      denial: {
        ...richLetterContext.denial!,
        reason: '1. Not medically necessary. 2. Fewer than two antidepressant trials are documented.',
      },
    };
    const generalText = render('internal-appeal-first-level', general).text;
    for (const result of richLetterContext.criteria!.results)
      expect(generalText.split(result.text)).toHaveLength(2);
    expect(generalText).toContain(
      'This is not correct. The records meet the criteria of your policy that this reason concerns, as set out above.',
    );
    expect(generalText).toContain(
      'Each one the records meet is set out above, under the reason of the notice it answers.',
    );
  });

  it("names a policy whose name carries its number once (Aetna's CPB 0938)", () => {
    const aetna: LetterContext = {
      ...richLetterContext,
      criteria: {
        ...richLetterContext.criteria!,
        setName: 'Aetna CPB 0938 — Ketamine for depression and other psychiatric disorders',
        policyNumber: 'CPB 0938',
      },
    };
    const { text } = render('internal-appeal-first-level', aetna);
    expect(text).toContain('Aetna CPB 0938 — Ketamine for depression and other psychiatric disorders');
    expect(text.split('CPB 0938')).toHaveLength(2);
  });

  it('the external review request takes the external review window, not the appeal window', () => {
    const { text } = render('external-review-request', richLetterContext);
    expect(text).toContain('February 20, 2026 (45 CFR 147.136(d)(2)(i); 29 CFR 2590.715-2719(d))');
    expect(text).not.toContain(richLetterContext.deadlines[1]!.meaning);
    expect(text).not.toContain('April 18, 2026');
  });

  it('the Medicare Advantage reconsideration cites the Part C rules, not the ERISA claims rule', () => {
    const rule = deadlineRules.ma_reconsideration_request;
    const [erisaAppealWindow] = richLetterContext.deadlines;
    if (!erisaAppealWindow) throw new Error('the rich case has an appeal window');
    // What the engine gives an MA case: 60 days from the notice of October 18, 2025 (deadlines.md §6.2).
    const maAppealWindow = {
      ...erisaAppealWindow,
      key: `${rule.id}@event:3`,
      rule: rule.id,
      meaning: rule.meaning,
      computedDue: '2025-12-17',
      dueOn: '2025-12-17',
      citationUrl: rule.citationUrl,
      citationText: rule.citation,
    };
    const maContext: LetterContext = {
      ...richLetterContext,
      coverage: { ...richLetterContext.coverage, planType: 'medicare-advantage' },
      deadlines: [maAppealWindow],
    };
    const { text } = render('medicare-advantage-reconsideration-request', maContext);
    expect(text).toContain('request a reconsideration of your organization determination');
    expect(text).toContain('(42 CFR 422.578; 422.582)');
    // The plan's pre-service reconsideration clock (deadlines.md §6.2), chosen from the plan type.
    expect(text).toContain(
      'This request is filed on time: the deadline is December 17, 2025 (42 CFR 422.582(b)).',
    );
    // The letter argues to the plan; the rule's advice to the advocate stays on the Deadlines tab.
    expect(text).not.toContain(rule.meaning);
    expect(text).not.toMatch(/\bAsk the\b/);
    expect(text).toContain('42 CFR 422.590');
    expect(text).not.toContain('2560.503-1');
  });
});

describe('template checks', () => {
  it('refuses an unknown placeholder with its line', () => {
    expect(() => assertTemplateBodyIsValid('Dear sir,\n\nMember: {{membr_id}}')).toThrow(
      /Line 3: \{\{membr_id\}\} is not a placeholder/,
    );
  });

  it('refuses a block placeholder inside a sentence', () => {
    expect(() => assertTemplateBodyIsValid('History: {{treatment_history}}')).toThrow(
      /must stand on a line of its own/,
    );
  });

  it('refuses an unclosed placeholder', () => {
    expect(() => assertTemplateBodyIsValid('Member: {{member_id')).toThrow(
      /Line 1: "\{\{" starts a placeholder/,
    );
  });
});

describe('docs/letter-placeholders.md', () => {
  it('is the placeholder registry, written out (run scripts/write-letter-placeholders-doc.ts after a change)', async () => {
    expect(readFileSync(placeholderDocPath, 'utf8')).toBe(await formattedPlaceholderDoc());
  });
});
