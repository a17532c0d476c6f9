import type { PlanType } from '../../src/shared/domain/plan-types';
import type {
  AppealWindow,
  DenialReasonCategory,
  NoticeElementId,
  NoticeElementStatus,
  NoticeFindingId,
} from '../../src/shared/schemas/denial-notice';

/**
 * What each notice in test/fixtures/denial-notices says, worked out by reading the notice (the
 * people, numbers and addresses are invented). A scanned copy says the same as its clean one:
 * the reader must see through the OCR errors.
 */
export type ExpectedFields = {
  readonly payer: string | null;
  readonly noticeDate: string | null;
  readonly memberId: string | null;
  readonly referenceNumber: string | null;
  readonly service: string | null;
  readonly datesOfService: string | null;
  readonly requestingProvider: string | null;
  /** The words the reason starts with (the whole reason is long); null when none. */
  readonly reasonStartsWith: string | null;
  readonly reasonCategory: DenialReasonCategory | null;
  readonly policyCited: string | null;
  readonly denialCode: string | null;
  readonly appealWindow: AppealWindow | null;
  readonly appealAddress: string | null;
  readonly appealFax: string | null;
  readonly appealPhone: string | null;
  readonly expeditedOffered: boolean | null;
  readonly planTypeHints: readonly PlanType[];
};

export type ExpectedNotice = {
  readonly file: string;
  readonly fields: ExpectedFields;
  readonly planType: PlanType;
  readonly elements: Readonly<Record<NoticeElementId, NoticeElementStatus>>;
  readonly findings: readonly NoticeFindingId[];
};

const P = 'present';
const M = 'missing';
const NA = 'not-applicable';

const onlyTheThreeMedicareAdvantageElements = {
  'specific-reason': P,
  'plan-provision': NA,
  'information-needed': NA,
  'appeal-procedures': P,
  'right-to-sue': NA,
  'internal-criterion': NA,
  'clinical-judgment': NA,
  'expedited-process': P,
  'claim-identification': NA,
  'codes-available': NA,
  'denial-code-and-standard': NA,
  'external-review': NA,
  'consumer-assistance': NA,
} as const;

const medicaidManagedCareElements = {
  ...onlyTheThreeMedicareAdvantageElements,
  'internal-criterion': P,
} as const;

const aetnaEmployerPlan: Omit<ExpectedNotice, 'file'> = {
  fields: {
    payer: 'Aetna',
    noticeDate: '2026-03-03',
    memberId: 'W123456789',
    referenceNumber: 'PA-2026-0311-4482',
    service: 'Spravato (esketamine) nasal spray',
    datesOfService: '2026-03-01 to 2026-05-31',
    requestingProvider: 'Dr. Helen Okafor, MD',
    reasonStartsWith: 'The request does not meet the criteria for medical necessity.',
    reasonCategory: 'not-medically-necessary',
    policyCited: 'Clinical Policy Bulletin 0938',
    denialCode: null,
    appealWindow: { amount: 180, unit: 'days', from: 'receipt' },
    appealAddress: 'Aetna Appeals Unit, P.O. Box 14463, Lexington, KY 40512',
    appealFax: '8594558650',
    appealPhone: '8886323862',
    expeditedOffered: true,
    // "ERISA" names an employer plan, not how it is funded.
    planTypeHints: ['employer-self-funded', 'employer-fully-insured'],
  },
  planType: 'employer-self-funded',
  elements: {
    'specific-reason': P,
    'plan-provision': P,
    'information-needed': P,
    'appeal-procedures': P,
    'right-to-sue': P,
    'internal-criterion': P,
    'clinical-judgment': P,
    'expedited-process': P,
    'claim-identification': P,
    'codes-available': M,
    'denial-code-and-standard': M,
    'external-review': M,
    'consumer-assistance': M,
  },
  findings: [],
};

const ambetterMarketplacePlan: Omit<ExpectedNotice, 'file'> = {
  fields: {
    payer: 'Ambetter',
    noticeDate: '2026-01-14',
    memberId: 'U7731 0294 01',
    referenceNumber: '2026011400417',
    service: 'Intravenous ketamine infusion (J3490)',
    datesOfService: '2025-12-29',
    requestingProvider: 'Lakeside Infusion Center (Dr. Priya Raman)',
    reasonStartsWith: 'IV ketamine infusion for depression is considered experimental and investigational',
    reasonCategory: 'experimental-investigational',
    policyCited: 'Clinical Policy CP.PHAR.455',
    denialCode: 'CO-50',
    appealWindow: { amount: 180, unit: 'days', from: 'receipt' },
    appealAddress: 'Ambetter Appeals Department, P.O. Box 10341, Van Nuys, CA 91410-0341',
    appealFax: '8442081264',
    appealPhone: '8776871169',
    expeditedOffered: true,
    planTypeHints: ['individual'],
  },
  planType: 'individual',
  elements: {
    'specific-reason': P,
    // A clinical policy is a criterion, not a provision of the plan's contract.
    'plan-provision': M,
    'information-needed': M,
    'appeal-procedures': P,
    'right-to-sue': NA,
    'internal-criterion': P,
    'clinical-judgment': M,
    'expedited-process': P,
    'claim-identification': P,
    'codes-available': P,
    'denial-code-and-standard': P,
    'external-review': P,
    'consumer-assistance': P,
  },
  findings: ['criteria-not-offered'],
};

const humanaMedicareAdvantage: Omit<ExpectedNotice, 'file'> = {
  fields: {
    payer: 'Humana',
    noticeDate: '2026-02-10',
    memberId: 'H48812931',
    referenceNumber: null,
    service: 'Transcranial magnetic stimulation (TMS), 36 sessions',
    datesOfService: null,
    requestingProvider: 'Dr. Samuel Ortiz',
    reasonStartsWith: 'We denied your request because the information we received does not show',
    reasonCategory: 'not-medically-necessary',
    policyCited: 'Local Coverage Determination L34641',
    denialCode: null,
    appealWindow: { amount: 65, unit: 'days', from: 'notice-date' },
    appealAddress: 'Humana Grievances and Appeals Department, P.O. Box 14165, Lexington, KY 40512-4165',
    appealFax: '8009492961',
    appealPhone: '8004574708',
    expeditedOffered: true,
    planTypeHints: ['medicare-advantage'],
  },
  planType: 'medicare-advantage',
  elements: onlyTheThreeMedicareAdvantageElements,
  // 65 days from the notice date is not less than the 60 of 42 CFR 422.582(b).
  findings: [],
};

const sunflowerMedicaidManagedCare: Omit<ExpectedNotice, 'file'> = {
  fields: {
    payer: 'Sunflower Health Plan',
    noticeDate: '2026-04-06',
    memberId: '600123987',
    referenceNumber: 'AUTH 8842-1173',
    service: 'home health aide services',
    datesOfService: null,
    requestingProvider: 'Prairie Home Care',
    reasonStartsWith: 'The service is not a covered benefit under your KanCare plan.',
    reasonCategory: 'not-covered',
    policyCited: 'Medical Necessity Criteria for Home Health Services',
    denialCode: null,
    appealWindow: { amount: 60, unit: 'days', from: 'notice-date' },
    appealAddress: 'Sunflower Health Plan, Attn: Appeals, 8325 Lenexa Drive, Suite 410, Lenexa, KS 66214',
    appealFax: '8884534756',
    appealPhone: '8776444623',
    expeditedOffered: true,
    planTypeHints: ['medicaid-managed-care'],
  },
  planType: 'medicaid-managed-care',
  elements: medicaidManagedCareElements,
  findings: [],
};

export const expectedNotices: readonly ExpectedNotice[] = [
  { file: 'erisa-employer-clean.txt', ...aetnaEmployerPlan },
  { file: 'erisa-employer-scanned.txt', ...aetnaEmployerPlan },
  { file: 'marketplace-individual-clean.txt', ...ambetterMarketplacePlan },
  { file: 'marketplace-individual-scanned.txt', ...ambetterMarketplacePlan },
  { file: 'medicare-advantage-clean.txt', ...humanaMedicareAdvantage },
  { file: 'medicare-advantage-scanned.txt', ...humanaMedicareAdvantage },
  { file: 'medicaid-managed-care-clean.txt', ...sunflowerMedicaidManagedCare },
  { file: 'medicaid-managed-care-scanned.txt', ...sunflowerMedicaidManagedCare },
  {
    file: 'short-appeal-window.txt',
    fields: {
      payer: 'Cigna',
      noticeDate: '2026-03-05',
      memberId: 'U4410938202',
      referenceNumber: '7731-22919-A',
      service: 'Transcranial magnetic stimulation, 30 treatments',
      datesOfService: '2026-03-09 to 2026-04-17',
      requestingProvider: 'Northside Behavioral Health, Dr. Alan Greer',
      reasonStartsWith: 'The information provided does not meet the medical necessity criteria',
      reasonCategory: 'not-medically-necessary',
      policyCited: 'Medical Coverage Policy 0383',
      denialCode: null,
      appealWindow: { amount: 60, unit: 'days', from: 'notice-date' },
      appealAddress: 'Cigna National Appeals Unit, P.O. Box 188011, Chattanooga, TN 37422',
      appealFax: '8778154827',
      appealPhone: '8002446224',
      expeditedOffered: true,
      planTypeHints: ['employer-self-funded', 'employer-fully-insured'],
    },
    planType: 'employer-fully-insured',
    elements: {
      'specific-reason': P,
      'plan-provision': P,
      'information-needed': M,
      'appeal-procedures': P,
      'right-to-sue': P,
      'internal-criterion': P,
      'clinical-judgment': P,
      'expedited-process': P,
      'claim-identification': P,
      'codes-available': M,
      'denial-code-and-standard': M,
      'external-review': M,
      'consumer-assistance': M,
    },
    findings: ['appeal-window-too-short'],
  },
  {
    file: 'complete-notice.txt',
    fields: {
      payer: 'UnitedHealthcare',
      noticeDate: '2026-09-22',
      memberId: '987654321-00',
      referenceNumber: 'CLM-26-0915-77310',
      service: 'Esketamine nasal spray treatment session (G2083)',
      datesOfService: '2026-08-28',
      requestingProvider: 'Dr. Nathan Greaves, Cascade Psychiatry',
      reasonStartsWith: 'Your claim was denied because the treatment is not medically necessary.',
      reasonCategory: 'not-medically-necessary',
      policyCited: 'Medical Benefit Drug Policy 2026D0087C',
      denialCode: 'CARC 50',
      appealWindow: { amount: 180, unit: 'days', from: 'receipt' },
      appealAddress: 'UnitedHealthcare Appeals, P.O. Box 30432, Salt Lake City, UT 84130-0432',
      appealFax: '8019382100',
      appealPhone: '8666332446',
      expeditedOffered: true,
      // The notice says the employer plan is self-funded: only that funding is hinted.
      planTypeHints: ['employer-self-funded'],
    },
    planType: 'employer-self-funded',
    elements: {
      'specific-reason': P,
      'plan-provision': P,
      'information-needed': P,
      'appeal-procedures': P,
      'right-to-sue': P,
      'internal-criterion': P,
      'clinical-judgment': P,
      'expedited-process': P,
      'claim-identification': P,
      'codes-available': P,
      'denial-code-and-standard': P,
      'external-review': P,
      'consumer-assistance': P,
    },
    findings: [],
  },
  {
    file: 'two-column-layout.txt',
    fields: {
      payer: 'Blue Cross Blue Shield of Michigan',
      noticeDate: '2026-07-08',
      memberId: 'XYP884412907',
      referenceNumber: '26188-004417-00',
      service: 'TMS treatment session',
      datesOfService: '2026-06-12',
      // "Neuro-" ends a line of the left column; "modulation Clinic" starts the next.
      requestingProvider: 'Great Lakes Neuromodulation Clinic',
      reasonStartsWith: 'Precertification was not obtained before the service as your plan requires',
      reasonCategory: 'administrative',
      policyCited: null,
      denialCode: 'CO-197',
      appealWindow: { amount: 180, unit: 'days', from: 'receipt' },
      appealAddress: 'Blue Cross Blue Shield of Michigan, Appeals, P.O. Box 2627, Detroit, MI 48231-2627',
      appealFax: '8665227345',
      appealPhone: '8772583932',
      expeditedOffered: true,
      planTypeHints: ['employer-self-funded', 'employer-fully-insured'],
    },
    planType: 'employer-fully-insured',
    elements: {
      'specific-reason': P,
      'plan-provision': P,
      'information-needed': M,
      'appeal-procedures': P,
      'right-to-sue': P,
      // An administrative denial relied on no guideline and on no clinical judgment.
      'internal-criterion': NA,
      'clinical-judgment': NA,
      'expedited-process': P,
      'claim-identification': P,
      'codes-available': M,
      'denial-code-and-standard': P,
      'external-review': P,
      'consumer-assistance': M,
    },
    findings: [],
  },
  {
    file: 'missing-elements.txt',
    fields: {
      payer: 'Meridian Choice Health Plans',
      noticeDate: '2026-06-02',
      memberId: 'MCH-5521-0983',
      referenceNumber: null,
      service: 'ketamine infusion therapy',
      datesOfService: null,
      requestingProvider: null,
      reasonStartsWith: 'The service is not medically necessary.',
      reasonCategory: 'not-medically-necessary',
      policyCited: null,
      denialCode: null,
      appealWindow: null,
      appealAddress: null,
      appealFax: null,
      // The customer-service number is not said to be for appeals.
      appealPhone: null,
      expeditedOffered: null,
      planTypeHints: [],
    },
    planType: 'individual',
    elements: {
      'specific-reason': P,
      'plan-provision': M,
      'information-needed': M,
      'appeal-procedures': M,
      'right-to-sue': NA,
      'internal-criterion': M,
      'clinical-judgment': M,
      'expedited-process': M,
      'claim-identification': M,
      'codes-available': M,
      'denial-code-and-standard': M,
      'external-review': M,
      'consumer-assistance': M,
    },
    findings: ['appeal-window-not-stated', 'criteria-not-offered'],
  },
  {
    file: 'phone-photo-angled.txt',
    fields: {
      payer: 'Anthem Blue Cross',
      noticeDate: '2026-07-21',
      memberId: 'XBC 403 991 776',
      referenceNumber: '2026-07-21-0932',
      service: 'intravenous ketamine infusions (6 sessions)',
      datesOfService: null,
      requestingProvider: 'Dr. K. Lindqvist',
      reasonStartsWith: 'This request is denied because the treatment is considered investigational',
      reasonCategory: 'experimental-investigational',
      policyCited: 'Clinical UM Guideline CG-MED-83',
      denialCode: null,
      appealWindow: { amount: 180, unit: 'days', from: 'receipt' },
      appealAddress: 'Anthem Blue Cross Grievances and Appeals, P.O. Box 4310, Woodland Hills, CA 91365-4310',
      appealFax: '8182342767',
      appealPhone: null,
      expeditedOffered: null,
      planTypeHints: ['individual'],
    },
    planType: 'individual',
    elements: {
      'specific-reason': P,
      'plan-provision': M,
      'information-needed': M,
      'appeal-procedures': P,
      'right-to-sue': NA,
      'internal-criterion': P,
      'clinical-judgment': M,
      'expedited-process': M,
      'claim-identification': M,
      'codes-available': M,
      'denial-code-and-standard': M,
      'external-review': M,
      'consumer-assistance': M,
    },
    findings: ['criteria-not-offered'],
  },
];
