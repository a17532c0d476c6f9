import type { PlanType } from './plan-types';

/**
 * Each Medicare program's first appeal has its own shipped letter: Original Medicare's is a
 * redetermination by the contractor, Medicare Advantage's a reconsideration by the plan (42 CFR
 * 422.578–422.590; docs/domain/deadlines.md §6.2). Neither is an ERISA internal appeal.
 */
const medicareAppealTemplateIds: Readonly<Partial<Record<PlanType, string>>> = {
  medicare: 'medicare-redetermination-request',
  'medicare-advantage': 'medicare-advantage-reconsideration-request',
};

/** The shipped internal appeals, written to the ERISA claims rule (29 CFR 2560.503-1). */
const erisaAppealTemplateIds: ReadonlySet<string> = new Set([
  'internal-appeal-first-level',
  'internal-appeal-second-level',
]);

const allMedicareAppealTemplateIds: ReadonlySet<string> = new Set(Object.values(medicareAppealTemplateIds));

/**
 * The templates the New letter dialog offers for a case on this plan type: a Medicare case is
 * offered its own program's appeal in place of the ERISA internal appeals, any other plan is not
 * offered the Medicare appeals. With no plan recorded every template is offered.
 */
export function letterTemplatesForPlan<Template extends { readonly id: string }>(
  templates: readonly Template[],
  planType: PlanType | null,
): Template[] {
  if (planType === null) return [...templates];
  const ownMedicareAppeal = medicareAppealTemplateIds[planType];
  return templates.filter((template) => {
    if (allMedicareAppealTemplateIds.has(template.id)) return template.id === ownMedicareAppeal;
    return ownMedicareAppeal === undefined || !erisaAppealTemplateIds.has(template.id);
  });
}
