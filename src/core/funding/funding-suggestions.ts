import { fundingOptionTypes, type FundingOptionType } from '../../shared/domain/funding-options';
import type { NetworkStatus, NetworkType, ProviderKind } from '../../shared/domain/coverage';
import { planTypeLabels, type PlanType } from '../../shared/domain/plan-types';
import { describeTreatment, type TreatmentKind } from '../../shared/domain/treatments';
import type { FundingFit, FundingSuggestion } from '../../shared/schemas/funding';

/**
 * Why each funding route might fit one case, from what the database already knows about the
 * client: age from the date of birth, state, coverage type and network, treatment, the provider
 * and its network status, where the plan stands (approved, denied, denied for good) and the
 * deductible left. Each route is ranked likely, possible or unlikely with one line of reason and
 * the one fact that would move it (a ranking that helps choose, not fifteen "may fit").
 * Each line ends in what to check: Advocase never says a client is eligible, and
 * states no income limit or program amount. Program facts come from
 * docs/domain/payer-criteria.md §4 and docs/domain/deadlines.md §8, with their sources.
 */

export type FundingCoverageFacts = {
  readonly planType: PlanType;
  readonly networkType: NetworkType | null;
  readonly payer: string;
};

/**
 * Where the plan stands on this treatment, from the case's latest payer decision and its outcome:
 * `denied-final` once the internal appeals are exhausted (a final denial, or the case closed as
 * denied or moved to alternative funding), `denied` while appeals remain.
 */
export type PlanAnswer = 'none' | 'approved' | 'denied' | 'denied-final';

export type FundingFacts = {
  /** Whole years on the day asked, from the date of birth; null when no date of birth is on file. */
  readonly age: number | null;
  readonly state: string | null;
  readonly treatment: TreatmentKind;
  readonly treatmentDetail: string | null;
  /** The coverage the case is linked to, if any. */
  readonly caseCoverage: FundingCoverageFacts | null;
  /** Every coverage of the client still in force. */
  readonly clientCoverages: readonly FundingCoverageFacts[];
  readonly provider: {
    readonly name: string;
    readonly kind: ProviderKind;
    readonly networkStatus: NetworkStatus;
  } | null;
  readonly planAnswer: PlanAnswer;
  /** The latest denial's stated reason calls the treatment experimental or investigational. */
  readonly isDeniedAsExperimental: boolean;
  /** What is left of the deductible on the case's plan, when the coverage records it. */
  readonly deductibleLeftCents: number | null;
};

// Each source is the page's own title with its link; where the facts were
// taken from (the payer-criteria reference §4, the deadlines reference §8) is said above.
const sources = {
  manufacturer: {
    url: 'https://spravatohcp.com/patient-support',
    text: 'SPRAVATO withMe patient support (Janssen)',
  },
  hsa: {
    url: 'https://www.irs.gov/publications/p502',
    text: 'IRS Publication 502: Medical and Dental Expenses',
  },
  singleCaseAgreement: {
    url: 'https://www.thehealinggroup.com/blog/singlecaseagreements',
    text: 'Single case agreements (The Healing Group)',
  },
  superbill: {
    url: 'https://www.learnempowerthrive.com/blog/out-of-network',
    text: 'Out-of-network reimbursement (Learn Empower Thrive)',
  },
  goodFaithEstimate: {
    url: 'https://www.cms.gov/nosurprises/consumers',
    text: 'CMS No Surprises Act: Good Faith Estimates',
  },
} as const;

const commercialPlanTypes: readonly PlanType[] = [
  'employer-self-funded',
  'employer-fully-insured',
  'governmental-group',
  'individual',
];
const medicarePlanTypes: readonly PlanType[] = ['medicare', 'medicare-advantage'];
const medicaidPlanTypes: readonly PlanType[] = ['medicaid', 'medicaid-managed-care'];
const employerPlanTypes: readonly PlanType[] = [
  'employer-self-funded',
  'employer-fully-insured',
  'governmental-group',
];

type Line = {
  readonly fit: FundingFit;
  readonly reason: string;
  /** The fact that, recorded or changed, would move this route up or down. */
  readonly wouldChange: string;
  readonly source?: { readonly url: string; readonly text: string };
};

function coverageWords(coverage: FundingCoverageFacts): string {
  return `${planTypeLabels[coverage.planType]}, ${coverage.payer}`;
}

function firstOf(
  coverages: readonly FundingCoverageFacts[],
  planTypes: readonly PlanType[],
): FundingCoverageFacts | undefined {
  return coverages.find((coverage) => planTypes.includes(coverage.planType));
}

const dollars = (cents: number) => `$${Math.round(cents / 100).toLocaleString('en-US')}`;

/** The plan has said no for good, or there is no plan: the routes outside insurance come first. */
function isPayingOutsideThePlan(facts: FundingFacts): boolean {
  return facts.planAnswer === 'denied-final' || facts.clientCoverages.length === 0;
}

function medicareLine(facts: FundingFacts): Line {
  const onFile = firstOf(facts.clientCoverages, medicarePlanTypes);
  if (onFile) {
    return {
      fit: 'likely',
      reason: `Medicare coverage is on file (${coverageWords(onFile)}): track what it pays toward ${describeTreatment(facts.treatment, facts.treatmentDetail)} here; check coverage.`,
      wouldChange: 'The Medicare coverage ending.',
    };
  }
  if (facts.age === null) {
    return {
      fit: 'possible',
      reason:
        'No date of birth on file: Medicare is for people 65 and over or with a qualifying disability; record the date of birth, then check eligibility.',
      wouldChange: 'The client\u2019s date of birth.',
    };
  }
  if (facts.age >= 65) {
    return {
      fit: 'likely',
      reason: `Age ${facts.age} (from the date of birth), and Medicare is for people 65 and over: check eligibility.`,
      wouldChange: 'Medicare coverage recorded, or a reason the client cannot enrol.',
    };
  }
  return {
    fit: 'unlikely',
    reason: `Age ${facts.age}: before 65, Medicare is for people with a qualifying disability; check eligibility if that applies.`,
    wouldChange: 'A qualifying disability.',
  };
}

function medicaidLine(facts: FundingFacts): Line {
  const onFile = firstOf(facts.clientCoverages, medicaidPlanTypes);
  if (onFile) {
    return {
      fit: 'likely',
      reason: `Medicaid coverage is on file (${coverageWords(onFile)}): track what it pays here; check coverage of the treatment.`,
      wouldChange: 'The Medicaid coverage ending.',
    };
  }
  if (facts.state === null) {
    return {
      fit: 'possible',
      reason:
        'No state on file: Medicaid depends on income and the state\u2019s rules; record the state, then check eligibility.',
      wouldChange: 'The client\u2019s state, and household income (Advocase does not record income).',
    };
  }
  return {
    fit: 'possible',
    reason: `Lives in ${facts.state}: Medicaid depends on income and ${facts.state}\u2019s rules; check eligibility with the state Medicaid agency.`,
    wouldChange: `Household income within ${facts.state}\u2019s limit (Advocase does not record income).`,
  };
}

function employerPlanLine(facts: FundingFacts): Line {
  const onFile = firstOf(facts.clientCoverages, employerPlanTypes);
  if (onFile) {
    return {
      fit: 'unlikely',
      reason: `An employer plan is already on file (${coverageWords(onFile)}): another one would be a spouse\u2019s or parent\u2019s plan paying second; check eligibility.`,
      wouldChange: 'A spouse or parent with employer coverage.',
    };
  }
  return {
    fit: 'possible',
    reason:
      'No employer plan on file: the client\u2019s, a spouse\u2019s or a parent\u2019s employer plan may cover the treatment; check eligibility.',
    wouldChange: 'Whether the client, a spouse or a parent is offered employer coverage.',
  };
}

function marketplaceLine(facts: FundingFacts): Line {
  if (facts.clientCoverages.length === 0) {
    return {
      fit: 'likely',
      reason:
        'No coverage on file: a Marketplace plan may be open to the client at open enrollment or after a qualifying life event; check eligibility.',
      wouldChange: 'Coverage recorded for the client.',
    };
  }
  const individual = firstOf(facts.clientCoverages, ['individual']);
  if (individual) {
    return {
      fit: 'possible',
      reason: `An individual plan is on file (${individual.payer}): compare Marketplace plans\u2019 coverage of the treatment at the next enrollment; check eligibility.`,
      wouldChange: 'Open enrollment, or a qualifying life event.',
    };
  }
  const publicCoverage = firstOf(facts.clientCoverages, [...medicarePlanTypes, ...medicaidPlanTypes]);
  return {
    fit: 'unlikely',
    reason: publicCoverage
      ? `${planTypeLabels[publicCoverage.planType]} is on file: Marketplace plans are for people without Medicare or Medicaid; check eligibility if that coverage ends.`
      : 'Employer coverage is on file: a Marketplace plan would replace it rather than add to it, at open enrollment; check eligibility.',
    wouldChange: 'The current coverage ending (a qualifying life event).',
  };
}

function manufacturerLine(facts: FundingFacts): Line {
  const treatment = describeTreatment(facts.treatment, facts.treatmentDetail);
  if (facts.treatment !== 'esketamine') {
    return {
      fit: 'unlikely',
      reason: `Advocase\u2019s sources list a manufacturer program for Spravato only; for ${treatment}, ask the clinic about any program and check eligibility.`,
      wouldChange: 'A maker\u2019s program for this treatment, named by the clinic.',
    };
  }
  const coverage = facts.caseCoverage;
  if (coverage && commercialPlanTypes.includes(coverage.planType)) {
    return {
      fit: 'likely',
      reason: `Esketamine with commercial coverage (${coverageWords(coverage)}): SPRAVATO withMe / Janssen CarePath helps commercially insured patients with drug and observation costs; check eligibility.`,
      wouldChange: 'The case\u2019s coverage changing to Medicare, Medicaid or another government plan.',
      source: sources.manufacturer,
    };
  }
  if (coverage) {
    return {
      fit: 'unlikely',
      reason: `Esketamine on ${planTypeLabels[coverage.planType]}: the Janssen CarePath copay program is not valid for Medicare, Medicaid or other government programs; check eligibility for patient assistance instead.`,
      wouldChange: 'Commercial coverage for the case.',
      source: sources.manufacturer,
    };
  }
  return {
    fit: 'possible',
    reason:
      'Esketamine, no coverage linked to the case: SPRAVATO withMe copay help is for commercially insured patients only; record the coverage, then check eligibility.',
    wouldChange: 'The case\u2019s coverage, linked on the Coverage tab.',
    source: sources.manufacturer,
  };
}

function patientAssistanceLine(facts: FundingFacts): Line {
  const coverage = facts.caseCoverage;
  if (facts.treatment === 'esketamine' && coverage && !commercialPlanTypes.includes(coverage.planType)) {
    return {
      fit: 'likely',
      reason: `Esketamine on ${planTypeLabels[coverage.planType]}: patients not eligible for Janssen\u2019s copay program may be referred to the J&J Patient Assistance Foundation; check eligibility.`,
      wouldChange: 'Commercial coverage for the case.',
      source: sources.manufacturer,
    };
  }
  if (isPayingOutsideThePlan(facts)) {
    return {
      fit: 'possible',
      reason:
        facts.clientCoverages.length === 0
          ? 'No coverage on file: drug makers\u2019 foundations and clinics run assistance programs for patients who cannot pay; check eligibility.'
          : 'The plan\u2019s denial is final: drug makers\u2019 foundations and clinics run assistance programs for patients who cannot pay; check eligibility.',
      wouldChange: 'Household income and what the clinic offers (Advocase does not record income).',
    };
  }
  return {
    fit: 'unlikely',
    reason:
      'The plan has not given a final no: assistance programs generally ask for the insurer\u2019s answer first; check eligibility once it comes.',
    wouldChange: 'A final denial, or the coverage ending.',
  };
}

function copayFoundationLine(facts: FundingFacts): Line {
  if (facts.clientCoverages.length === 0) {
    return {
      fit: 'unlikely',
      reason:
        'No coverage on file: co-pay foundations help insured patients with their share of costs; check eligibility once insured.',
      wouldChange: 'Insurance coverage.',
    };
  }
  if (facts.planAnswer !== 'approved') {
    return {
      fit: 'unlikely',
      reason:
        'The plan has not approved the treatment: co-pay foundations help with the patient\u2019s share of a covered treatment; check eligibility after an approval.',
      wouldChange: 'An approval that leaves a deductible or coinsurance to pay.',
    };
  }
  const left = facts.deductibleLeftCents;
  return {
    fit: left !== null && left > 0 ? 'likely' : 'possible',
    reason:
      left !== null && left > 0
        ? `Approved, with ${dollars(left)} of the deductible still to meet: a co-pay foundation may help with it when a fund is open for the diagnosis; check eligibility.`
        : 'Approved: a co-pay foundation may help with coinsurance and copays when a fund is open for the diagnosis; check eligibility.',
    wouldChange: 'The deductible and coinsurance on the Coverage tab, and whether a fund is open.',
  };
}

/** An out-of-network provider is where a single case agreement and a superbill come in. */
function singleCaseAgreementLine(facts: FundingFacts): Line {
  const { provider, caseCoverage } = facts;
  if (!provider || !caseCoverage) {
    const missing =
      !provider && !caseCoverage ? 'No provider or coverage' : !provider ? 'No provider' : 'No coverage';
    return {
      fit: 'possible',
      reason: `${missing} linked to the case: a single case agreement fits an out-of-network provider when no comparable in-network one exists; check eligibility.`,
      wouldChange: !provider
        ? 'The treating provider and its network status for this plan, on the Providers tab.'
        : 'The case\u2019s coverage, linked on the Coverage tab.',
      source: sources.singleCaseAgreement,
    };
  }
  if (provider.networkStatus === 'in_network') {
    return {
      fit: 'unlikely',
      reason: `${provider.name} is in network for this plan: a single case agreement is for out-of-network providers; check the network status if it has changed.`,
      wouldChange: 'The provider leaving the plan\u2019s network.',
      source: sources.singleCaseAgreement,
    };
  }
  if (provider.networkStatus === 'unknown') {
    return {
      fit: 'possible',
      reason: `${provider.name}\u2019s network status is not verified: if out of network with no comparable in-network provider, a single case agreement may fit; check eligibility.`,
      wouldChange: `${provider.name}\u2019s network status for this plan, on the Providers tab.`,
      source: sources.singleCaseAgreement,
    };
  }
  const noOutOfNetworkBenefit = caseCoverage.networkType === 'HMO' || caseCoverage.networkType === 'EPO';
  return {
    fit: 'likely',
    reason: noOutOfNetworkBenefit
      ? `${provider.name} is out of network on an ${caseCoverage.networkType} plan, which often has no out-of-network benefit: a single case agreement fits when no comparable in-network provider exists; check eligibility.`
      : `${provider.name} is out of network: a single case agreement fits when no comparable in-network provider exists; check eligibility.`,
    wouldChange: 'A comparable in-network provider within reach.',
    source: sources.singleCaseAgreement,
  };
}

function selfPayLine(facts: FundingFacts): Line {
  const { provider, caseCoverage } = facts;
  if (facts.clientCoverages.length === 0) {
    return {
      fit: 'likely',
      reason:
        'No coverage on file: a self-pay patient is entitled to a Good Faith Estimate, and a bill $400 or more above it can be disputed within 120 days; check the estimate.',
      wouldChange: 'Coverage recorded for the client.',
      source: sources.goodFaithEstimate,
    };
  }
  if (caseCoverage && (caseCoverage.networkType === 'HMO' || caseCoverage.networkType === 'EPO')) {
    return {
      fit: 'unlikely',
      reason: `${caseCoverage.networkType} plan: HMOs and EPOs often have no out-of-network benefit, so a superbill may not be reimbursed; check the plan\u2019s out-of-network benefit.`,
      wouldChange: 'An out-of-network benefit in the plan documents.',
      source: sources.superbill,
    };
  }
  if (provider?.networkStatus === 'out_of_network') {
    return {
      fit: 'likely',
      reason: `${provider.name} is out of network${caseCoverage?.networkType ? ` on a ${caseCoverage.networkType} plan` : ''}: paying and submitting a superbill may be partly reimbursed from out-of-network benefits; check the out-of-network deductible.`,
      wouldChange: 'The plan having no out-of-network benefit.',
      source: sources.superbill,
    };
  }
  return {
    fit: 'possible',
    reason:
      'Paying the provider and submitting a superbill works only where the plan has out-of-network benefits; check them.',
    wouldChange: 'The network type on the Coverage tab, and the provider\u2019s network status.',
    source: sources.superbill,
  };
}

function nonprofitGrantLine(facts: FundingFacts): Line {
  if (facts.planAnswer === 'approved') {
    return {
      fit: 'unlikely',
      reason:
        'The plan approved the treatment: grants usually fund what insurance will not pay; check eligibility for the share left to the client.',
      wouldChange: 'A large share of the cost left to the client.',
    };
  }
  return {
    fit: 'possible',
    reason: isPayingOutsideThePlan(facts)
      ? 'The plan will not pay: nonprofit grants for mental-health treatment may cover part of the cost; check eligibility and application dates.'
      : 'Nonprofit grants for mental-health treatment may cover part of the cost; applying while the appeal runs saves time; check eligibility and application dates.',
    wouldChange: 'Household income and the grant\u2019s diagnosis rules (Advocase does not record income).',
  };
}

function charityCareLine(facts: FundingFacts): Line {
  const { provider } = facts;
  if (provider?.kind === 'facility') {
    return {
      fit: 'possible',
      reason: `${provider.name} is a facility: if it is a nonprofit hospital or health system, it has a financial assistance (charity care) policy; check eligibility.`,
      wouldChange: `Whether ${provider.name} is a nonprofit hospital or health system.`,
    };
  }
  return {
    fit: 'unlikely',
    reason: provider
      ? `${provider.name} is a clinician, not a hospital: charity care policies belong to nonprofit hospitals and health systems; check if treatment moves to one.`
      : 'No facility linked to the case: charity care policies belong to nonprofit hospitals and health systems; check if treatment is at one.',
    wouldChange: 'Treatment at a nonprofit hospital or health system.',
  };
}

function clinicalTrialLine(facts: FundingFacts): Line {
  const treatment = describeTreatment(facts.treatment, facts.treatmentDetail);
  if (facts.isDeniedAsExperimental || facts.treatment === 'other') {
    return {
      fit: 'possible',
      reason: facts.isDeniedAsExperimental
        ? `The plan called ${treatment} experimental or investigational: trials of it may be enrolling; check eligibility on ClinicalTrials.gov.`
        : `Trials of ${treatment} may be enrolling; check eligibility on ClinicalTrials.gov.`,
      wouldChange: 'An enrolling trial near the client that they would accept.',
    };
  }
  return {
    fit: 'unlikely',
    reason: `${treatment} is an established treatment: a trial gives it only to those enrolled and eligible; check ClinicalTrials.gov if the client wants research care.`,
    wouldChange: 'A denial calling the treatment experimental or investigational.',
  };
}

function hsaLine(facts: FundingFacts): Line {
  const left = facts.deductibleLeftCents;
  return {
    fit: 'possible',
    reason:
      left !== null && left > 0
        ? `${dollars(left)} of the deductible is still to meet: HSA, health FSA and HRA funds can pay medical care (IRC \u00a7213(d)) if the client has an account; confirm with the account administrator.`
        : 'HSA, health FSA and HRA funds can pay for medical care (IRC \u00a7213(d)): generally eligible; confirm with the account administrator.',
    wouldChange: 'Whether the client has an HSA, FSA or HRA, and its balance.',
    source: sources.hsa,
  };
}

function paymentPlanLine(facts: FundingFacts): Line {
  if (isPayingOutsideThePlan(facts)) {
    return {
      fit: 'likely',
      reason:
        'The client may pay the provider directly: ask for a payment plan, after the Good Faith Estimate a self-pay patient is entitled to. Check the terms.',
      wouldChange: 'The plan approving the treatment on appeal.',
      source: sources.goodFaithEstimate,
    };
  }
  return {
    fit: 'possible',
    reason:
      'Ask the provider for a payment plan for the client\u2019s share; a self-pay patient is entitled to a Good Faith Estimate first. Check the terms.',
    wouldChange: 'A final denial, which leaves the whole cost to the client.',
    source: sources.goodFaithEstimate,
  };
}

function crowdfundingLine(facts: FundingFacts): Line {
  if (isPayingOutsideThePlan(facts)) {
    return {
      fit: 'possible',
      reason:
        'Family, community or online fundraising can cover a gap the other routes leave; check what the client is comfortable sharing.',
      wouldChange: 'What the other routes leave to pay.',
    };
  }
  return {
    fit: 'unlikely',
    reason:
      'The plan may still pay: fundraising is public and uncertain, so it usually comes after the appeals; check with the client if time is short.',
    wouldChange: 'A final denial with a cost the other routes leave.',
  };
}

const lineBuilders: Readonly<Record<FundingOptionType, (facts: FundingFacts) => Line>> = {
  medicaid: medicaidLine,
  medicare: medicareLine,
  employer_plan: employerPlanLine,
  marketplace: marketplaceLine,
  manufacturer_program: manufacturerLine,
  copay_foundation: copayFoundationLine,
  patient_assistance: patientAssistanceLine,
  nonprofit_grant: nonprofitGrantLine,
  charity_care: charityCareLine,
  clinical_trial: clinicalTrialLine,
  single_case_agreement: singleCaseAgreementLine,
  self_pay_superbill: selfPayLine,
  hsa_fsa: hsaLine,
  payment_plan: paymentPlanLine,
  crowdfunding: crowdfundingLine,
};

const fitOrder: Readonly<Record<FundingFit, number>> = { likely: 0, possible: 1, unlikely: 2 };

/** One line per funding route, the likeliest first. Pure. */
export function suggestFundingOptions(
  facts: FundingFacts,
  types: readonly FundingOptionType[] = fundingOptionTypes,
): FundingSuggestion[] {
  return types
    .map((optionType) => {
      const line = lineBuilders[optionType](facts);
      return {
        optionType,
        fit: line.fit,
        reason: line.reason,
        wouldChange: line.wouldChange,
        sourceUrl: line.source?.url ?? null,
        sourceText: line.source?.text ?? null,
      };
    })
    .sort(
      (left, right) =>
        fitOrder[left.fit] - fitOrder[right.fit] ||
        fundingOptionTypes.indexOf(left.optionType) - fundingOptionTypes.indexOf(right.optionType),
    );
}
