import type { ResourceFields } from '../../shared/schemas/resources';

/**
 * National entries every advocate needs, with facts taken only from the domain research notes
 * (`docs/domain/deadlines.md` §3, §8, §9; `payer-criteria.md` §4;
 * `denial-and-appeal-content.md` §7), each with the source it came from. A phone number appears
 * only where a source gave one. All are marked "Verify before use": programs and numbers change.
 */
export type StarterResource = ResourceFields & { readonly starterKey: string };

const verify = { needsVerification: true, email: null, address: null, state: null } as const;

export const starterResources: readonly StarterResource[] = [
  {
    ...verify,
    starterKey: 'ebsa',
    name: 'U.S. Department of Labor, Employee Benefits Security Administration (EBSA)',
    kind: 'federal_agency',
    website: 'https://askebsa.dol.gov',
    phone: '1-866-444-3272',
    notes:
      'Supervises self-funded employer plans (ERISA); state insurance law mostly does not reach them. Contact for help with a self-funded plan’s claims and appeals.',
    tags: ['ERISA', 'self-funded', 'employer plan', 'appeals'],
    sourceUrl: 'https://laurenscitycats.org/company-funded-long-term-disability-plan-rules-9757',
  },
  {
    ...verify,
    starterKey: 'state-insurance-department',
    name: 'State insurance department (the client’s state)',
    kind: 'state_insurance_department',
    website: null,
    phone: null,
    notes:
      'Regulates fully insured plans and individual policies: complaints, state external review, prompt-pay and utilization-review laws (often tighter clocks than federal). Not for self-funded ERISA plans, Medicare or Medicaid. Add your state’s department as its own entry.',
    tags: ['fully insured', 'individual policy', 'complaint', 'external review'],
    sourceUrl:
      'https://navigatorguide.georgetown.edu/faq/i-was-denied-coverage-for-a-service-my-doctor-said-i-need-how-can-i-appeal-the-decision',
  },
  {
    ...verify,
    starterKey: 'consumer-assistance-program',
    name: 'Consumer Assistance Program (the client’s state)',
    kind: 'consumer_assistance_program',
    website: 'https://www.healthcare.gov/appeal-insurance-company-decision/internal-appeals/',
    phone: null,
    notes:
      'Each state has (or had) an ACA-funded Consumer Assistance Program that can file appeals for the client. The denial notice must list its contact details: copy them from there.',
    tags: ['appeals', 'free help', 'ACA'],
    sourceUrl: 'https://www.healthcare.gov/appeal-insurance-company-decision/internal-appeals/',
  },
  {
    ...verify,
    starterKey: 'healthcare-gov-external-review',
    name: 'HealthCare.gov: external review',
    kind: 'external_review',
    website: 'https://www.healthcare.gov/appeal-insurance-company-decision/external-review/',
    phone: null,
    notes:
      'Consumer guide to external review after a final internal denial. This page says "within 60 days"; the federal rule (45 CFR 147.136(d)(2)(i)) allows 4 months. Check the client’s letter.',
    tags: ['external review', 'IRO'],
    sourceUrl: 'https://www.healthcare.gov/appeal-insurance-company-decision/external-review/',
  },
  {
    ...verify,
    starterKey: 'hhs-federal-external-review',
    name: 'HHS-administered federal external review (Maximus)',
    kind: 'external_review',
    website: 'http://externalappeal.com/FAQs/Forpersonsrequestingareviewclaimants.aspx',
    phone: '1-888-866-6205',
    notes:
      'Federal external review for plans that use the HHS-administered process. Fax 1-888-866-6190. Phone and fax as listed on one health plan’s page; send to the body the final denial names.',
    tags: ['external review', 'federal', 'self-funded'],
    sourceUrl: 'https://driscollhealthplan.com/faq/do-i-qualify-for-an-independent-external-review/',
  },
  {
    ...verify,
    starterKey: 'cms-no-surprises',
    name: 'CMS: No Surprises Act help for consumers',
    kind: 'federal_agency',
    website: 'https://www.cms.gov/nosurprises/consumers',
    phone: null,
    notes:
      'Good Faith Estimates for uninsured and self-pay patients (cash-pay IV ketamine), and patient-provider dispute resolution when a bill is $400 or more above the estimate (start within 120 days of the bill).',
    tags: ['self-pay', 'uninsured', 'good faith estimate', 'billing dispute'],
    sourceUrl: 'https://www.cms.gov/nosurprises/consumers',
  },
  {
    ...verify,
    starterKey: 'medicare-appeals',
    name: 'Medicare appeals (Original Medicare and Medicare Advantage)',
    kind: 'federal_agency',
    website:
      'https://www.medicare.gov/index.php/claims-appeals/file-an-appeal/medicare-health-plan-appeals-level-1-reconsideration',
    phone: null,
    notes:
      'Original Medicare: redetermination by the Medicare Administrative Contractor (form CMS-20027), then the QIC, ALJ, Council and court. Medicare Advantage: reconsideration by the plan. Medicare disputes never go to a state insurance department.',
    tags: ['Medicare', 'Medicare Advantage', 'appeals'],
    sourceUrl:
      'http://www.cms.gov/Medicare/Appeals-and-Grievances/OrgMedFFSAppeals/RedeterminationbyaMedicareContractor.html',
  },
  {
    ...verify,
    starterKey: 'spravato-withme',
    name: 'SPRAVATO withMe (Janssen CarePath)',
    kind: 'manufacturer_program',
    website: 'https://spravatohcp.com/patient-support',
    phone: null,
    notes:
      'Manufacturer support for Spravato: benefits investigation, prior authorization and appeal support, and a copay program for commercially insured patients. Not valid for Medicare, Medicaid or other government programs.',
    tags: ['Spravato', 'esketamine', 'copay', 'prior authorization'],
    sourceUrl: 'https://spravatohcp.com/patient-support',
  },
  {
    ...verify,
    starterKey: 'jnj-patient-assistance-foundation',
    name: 'Johnson & Johnson Patient Assistance Foundation',
    kind: 'assistance_program',
    website: null,
    phone: null,
    notes:
      'Patients not eligible for SPRAVATO withMe may be referred here. Its website and phone number are not in the sources read: look them up and add them.',
    tags: ['Spravato', 'esketamine', 'patient assistance'],
    sourceUrl: 'https://spravatohcp.com/patient-support',
  },
];
