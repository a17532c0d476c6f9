import { describe, expect, it } from 'vitest';
import { shippedLetterTemplates } from '../../src/core/letters/shipped-letter-templates';
import { letterTemplatesForPlan } from '../../src/shared/domain/letter-templates-for-plan';

const offeredIds = (planType: Parameters<typeof letterTemplatesForPlan>[1]) =>
  letterTemplatesForPlan(shippedLetterTemplates, planType).map((template) => template.id);

describe('letterTemplatesForPlan', () => {
  it('offers a Medicare Advantage case the plan reconsideration, not the ERISA internal appeals', () => {
    const offered = offeredIds('medicare-advantage');
    expect(offered).toContain('medicare-advantage-reconsideration-request');
    expect(offered).not.toContain('internal-appeal-first-level');
    expect(offered).not.toContain('internal-appeal-second-level');
    expect(offered).not.toContain('medicare-redetermination-request');
  });

  it('offers an Original Medicare case the redetermination, not the ERISA or Medicare Advantage appeals', () => {
    const offered = offeredIds('medicare');
    expect(offered).toContain('medicare-redetermination-request');
    expect(offered).not.toContain('medicare-advantage-reconsideration-request');
    expect(offered).not.toContain('internal-appeal-first-level');
  });

  it('offers an employer plan the internal appeals and neither Medicare appeal', () => {
    const offered = offeredIds('employer-self-funded');
    expect(offered).toContain('internal-appeal-first-level');
    expect(offered).toContain('internal-appeal-second-level');
    expect(offered).not.toContain('medicare-redetermination-request');
    expect(offered).not.toContain('medicare-advantage-reconsideration-request');
  });

  it('offers every template, user templates included, when no plan is recorded', () => {
    const own = { id: 'my-appeal' };
    expect(letterTemplatesForPlan([...shippedLetterTemplates, own], null)).toHaveLength(
      shippedLetterTemplates.length + 1,
    );
    expect(letterTemplatesForPlan([own], 'medicare-advantage')).toEqual([own]);
  });
});
