import { fundingOptionTypes, type FundingOptionType } from '../../shared/domain/funding-options';
import type { NetworkStatus, NetworkType } from '../../shared/domain/coverage';
import { planTypeLabels, type PlanType } from '../../shared/domain/plan-types';
import { describeTreatment, type TreatmentKind } from '../../shared/domain/treatments';
import type { FundingFit, FundingSuggestion } from '../../shared/schemas/funding';

/**
 * Why each funding route might fit one case, from what the database already knows about the
 * client: age from the date of birth, state, coverage type and network, treatment, the provider's
 * network status. Each line ends in what to check: Advocase never says a client is eligible, and
 * states no income limit or program amount. Program facts come from the project's payer-criteria
 * reference §4 and deadlines reference §8, with their sources.
 */

export type FundingCoverageFacts = {
  readonly planType: PlanType;
  readonly networkType: NetworkType | null;
  readonly payer: string;
};

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
  readonly provider: { readonly name: string; readonly networkStatus: NetworkStatus } | null;
};

// Each source is the page's own title with its link (issue 16, finding 7); where the facts were
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

function medicareLine(facts: FundingFacts): Line {
  const onFile = firstOf(facts.clientCoverages, medicarePlanTypes);
  if (onFile) {
    return {
      fit: 'likely',
      reason: `Medicare coverage is on file (${coverageWords(onFile)}): track what it pays toward ${describeTreatment(facts.treatment, facts.treatmentDetail)} here; check coverage.`,
    };
  }
  if (facts.age === null) {
    return {
      fit: 'possible',
      reason:
        'No date of birth on file: Medicare is for people 65 and over or with a qualifying disability; record the date of birth, then check eligibility.',
    };
  }
  if (facts.age >= 65) {
    return {
      fit: 'likely',
      reason: `Age ${facts.age} (from the date of birth), and Medicare is for people 65 and over: check eligibility.`,
    };
  }
  return {
    fit: 'unlikely',
    reason: `Age ${facts.age}: before 65, Medicare is for people with a qualifying disability; check eligibility if that applies.`,
  };
}

function medicaidLine(facts: FundingFacts): Line {
  const onFile = firstOf(facts.clientCoverages, medicaidPlanTypes);
  if (onFile) {
    return {
      fit: 'likely',
      reason: `Medicaid coverage is on file (${coverageWords(onFile)}): track what it pays here; check coverage of the treatment.`,
    };
  }
  if (facts.state === null) {
    return {
      fit: 'possible',
      reason:
        'No state on file: Medicaid depends on income and the state\u2019s rules; record the state, then check eligibility.',
    };
  }
  return {
    fit: 'possible',
    reason: `Lives in ${facts.state}: Medicaid depends on income and ${facts.state}\u2019s rules; check eligibility with the state Medicaid agency.`,
  };
}

function employerPlanLine(facts: FundingFacts): Line {
  const onFile = firstOf(facts.clientCoverages, employerPlanTypes);
  if (onFile) {
    return {
      fit: 'possible',
      reason: `An employer plan is on file (${coverageWords(onFile)}); a spouse\u2019s or parent\u2019s employer plan could pay as a second plan: check eligibility.`,
    };
  }
  return {
    fit: 'possible',
    reason:
      'No employer plan on file: the client\u2019s, a spouse\u2019s or a parent\u2019s employer plan may cover the treatment; check eligibility.',
  };
}

function marketplaceLine(facts: FundingFacts): Line {
  if (facts.clientCoverages.length === 0) {
    return {
      fit: 'likely',
      reason:
        'No coverage on file: a Marketplace plan may be open to the client at open enrollment or after a qualifying life event; check eligibility.',
    };
  }
  const individual = firstOf(facts.clientCoverages, ['individual']);
  return {
    fit: 'possible',
    reason: individual
      ? `An individual plan is on file (${individual.payer}): compare Marketplace plans\u2019 coverage of the treatment at the next enrollment; check eligibility.`
      : 'A Marketplace plan could replace or add to the current coverage at open enrollment; check eligibility.',
  };
}

function manufacturerLine(facts: FundingFacts): Line {
  const treatment = describeTreatment(facts.treatment, facts.treatmentDetail);
  if (facts.treatment !== 'esketamine') {
    return {
      fit: 'unlikely',
      reason: `Advocase\u2019s sources list a manufacturer program for Spravato only; for ${treatment}, ask the clinic about any program and check eligibility.`,
    };
  }
  const coverage = facts.caseCoverage;
  if (coverage && commercialPlanTypes.includes(coverage.planType)) {
    return {
      fit: 'likely',
      reason: `Esketamine with commercial coverage (${coverageWords(coverage)}): SPRAVATO withMe / Janssen CarePath helps commercially insured patients with drug and observation costs; check eligibility.`,
      source: sources.manufacturer,
    };
  }
  if (coverage) {
    return {
      fit: 'unlikely',
      reason: `Esketamine on ${planTypeLabels[coverage.planType]}: the Janssen CarePath copay program is not valid for Medicare, Medicaid or other government programs; check eligibility for patient assistance instead.`,
      source: sources.manufacturer,
    };
  }
  return {
    fit: 'possible',
    reason:
      'Esketamine, no coverage linked to the case: SPRAVATO withMe copay help is for commercially insured patients only; record the coverage, then check eligibility.',
    source: sources.manufacturer,
  };
}

function patientAssistanceLine(facts: FundingFacts): Line {
  const coverage = facts.caseCoverage;
  if (facts.treatment === 'esketamine' && coverage && !commercialPlanTypes.includes(coverage.planType)) {
    return {
      fit: 'likely',
      reason: `Esketamine on ${planTypeLabels[coverage.planType]}: patients not eligible for Janssen\u2019s copay program may be referred to the J&J Patient Assistance Foundation; check eligibility.`,
      source: sources.manufacturer,
    };
  }
  return {
    fit: 'possible',
    reason:
      'Drug makers\u2019 foundations and clinics run patient assistance programs for patients who cannot pay; check eligibility.',
  };
}

function copayFoundationLine(facts: FundingFacts): Line {
  if (facts.clientCoverages.length === 0) {
    return {
      fit: 'unlikely',
      reason:
        'No coverage on file: co-pay foundations help insured patients with their share of costs; check eligibility once insured.',
    };
  }
  return {
    fit: 'possible',
    reason:
      'Insured: a co-pay foundation may help with deductibles and coinsurance when a fund is open for the diagnosis; check eligibility.',
  };
}

/** An out-of-network provider is where a single case agreement and a superbill come in. */
function singleCaseAgreementLine(facts: FundingFacts): Line {
  const { provider, caseCoverage } = facts;
  if (!provider || !caseCoverage) {
    return {
      fit: 'possible',
      reason:
        'No provider or coverage linked to the case: a single case agreement fits an out-of-network provider when no comparable in-network one exists; check eligibility.',
      source: sources.singleCaseAgreement,
    };
  }
  if (provider.networkStatus === 'in_network') {
    return {
      fit: 'unlikely',
      reason: `${provider.name} is in network for this plan: a single case agreement is for out-of-network providers; check the network status if it has changed.`,
      source: sources.singleCaseAgreement,
    };
  }
  if (provider.networkStatus === 'unknown') {
    return {
      fit: 'possible',
      reason: `${provider.name}\u2019s network status is not verified: if out of network with no comparable in-network provider, a single case agreement may fit; check eligibility.`,
      source: sources.singleCaseAgreement,
    };
  }
  const noOutOfNetworkBenefit = caseCoverage.networkType === 'HMO' || caseCoverage.networkType === 'EPO';
  return {
    fit: 'likely',
    reason: noOutOfNetworkBenefit
      ? `${provider.name} is out of network on an ${caseCoverage.networkType} plan, which often has no out-of-network benefit: a single case agreement fits when no comparable in-network provider exists; check eligibility.`
      : `${provider.name} is out of network: a single case agreement fits when no comparable in-network provider exists; check eligibility.`,
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
      source: sources.goodFaithEstimate,
    };
  }
  if (caseCoverage && (caseCoverage.networkType === 'HMO' || caseCoverage.networkType === 'EPO')) {
    return {
      fit: 'unlikely',
      reason: `${caseCoverage.networkType} plan: HMOs and EPOs often have no out-of-network benefit, so a superbill may not be reimbursed; check the plan\u2019s out-of-network benefit.`,
      source: sources.superbill,
    };
  }
  if (provider?.networkStatus === 'out_of_network') {
    return {
      fit: 'likely',
      reason: `${provider.name} is out of network${caseCoverage?.networkType ? ` on a ${caseCoverage.networkType} plan` : ''}: paying and submitting a superbill may be partly reimbursed from out-of-network benefits; check the out-of-network deductible.`,
      source: sources.superbill,
    };
  }
  return {
    fit: 'possible',
    reason:
      'Paying the provider and submitting a superbill works only where the plan has out-of-network benefits; check them.',
    source: sources.superbill,
  };
}

const fixedLines = {
  nonprofit_grant: {
    fit: 'possible',
    reason:
      'Nonprofit grants for mental-health treatment may cover part of the cost; check eligibility and application dates.',
  },
  charity_care: {
    fit: 'possible',
    reason:
      'Nonprofit hospitals and health systems have financial assistance (charity care) policies; if treatment is at one, check eligibility.',
  },
  hsa_fsa: {
    fit: 'possible',
    reason:
      'HSA, health FSA and HRA funds can pay for medical care (IRC \u00a7213(d)): generally eligible; confirm with the account administrator.',
    source: sources.hsa,
  },
  payment_plan: {
    fit: 'possible',
    reason:
      'Ask the provider for a payment plan; a self-pay patient is entitled to a Good Faith Estimate first. Check the terms.',
    source: sources.goodFaithEstimate,
  },
  crowdfunding: {
    fit: 'possible',
    reason:
      'Family, community or online fundraising can cover a gap the other routes leave; check what the client is comfortable sharing.',
  },
} as const satisfies Record<string, Line>;

function clinicalTrialLine(facts: FundingFacts): Line {
  return {
    fit: 'possible',
    reason: `Trials of ${describeTreatment(facts.treatment, facts.treatmentDetail)} may be enrolling; check eligibility on ClinicalTrials.gov.`,
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
  nonprofit_grant: () => fixedLines.nonprofit_grant,
  charity_care: () => fixedLines.charity_care,
  clinical_trial: clinicalTrialLine,
  single_case_agreement: singleCaseAgreementLine,
  self_pay_superbill: selfPayLine,
  hsa_fsa: () => fixedLines.hsa_fsa,
  payment_plan: () => fixedLines.payment_plan,
  crowdfunding: () => fixedLines.crowdfunding,
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
