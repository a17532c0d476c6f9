/**
 * Common US health payers, as their notices name them. `pattern` is plain lower-case English for
 * foldPattern; `name` is how the case records the payer. A Blue Cross Blue Shield plan keeps the
 * state it serves, because each is a separate company.
 */
export type KnownPayer = { readonly name: string; readonly pattern: string };

const stateNames =
  'alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|' +
  'indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|' +
  'montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|' +
  'oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|' +
  'west virginia|wisconsin|wyoming';

/** Blue Cross Blue Shield "of <state>": the state captured in group 1. */
export const blueCrossBlueShieldPattern = `\\bblue\\s+cross\\s+(?:and\\s+|&\\s*)?blue\\s+shield(?:[ \\t]+of[ \\t]+(${stateNames}))?\\b`;

export const knownPayers: readonly KnownPayer[] = [
  { name: 'Anthem Blue Cross', pattern: '\\banthem\\s+blue\\s+cross\\b(?!\\s+(?:and\\s+)?blue\\s+shield)' },
  {
    name: 'Anthem Blue Cross and Blue Shield',
    pattern: '\\banthem\\s+blue\\s+cross\\s+(?:and\\s+)?blue\\s+shield\\b',
  },
  { name: 'Anthem', pattern: '\\banthem\\b' },
  { name: 'Aetna', pattern: '\\baetna\\b' },
  { name: 'UnitedHealthcare', pattern: '\\bunited\\s*health\\s*care\\b|\\buhc\\b' },
  { name: 'Cigna', pattern: '\\bcigna\\b' },
  { name: 'Humana', pattern: '\\bhumana\\b' },
  { name: 'Kaiser Permanente', pattern: '\\bkaiser\\s+(?:foundation\\s+health\\s+plan|permanente)\\b' },
  { name: 'Ambetter', pattern: '\\bambetter\\b' },
  { name: 'Centene', pattern: '\\bcentene\\b' },
  { name: 'Molina Healthcare', pattern: '\\bmolina\\b' },
  { name: 'WellCare', pattern: '\\bwellcare\\b' },
  { name: 'Oscar Health', pattern: '\\boscar\\s+(?:health|insurance)\\b' },
  { name: 'Highmark', pattern: '\\bhighmark\\b' },
  { name: 'CareFirst BlueCross BlueShield', pattern: '\\bcarefirst\\b' },
  { name: 'Florida Blue', pattern: '\\bflorida\\s+blue\\b' },
  { name: 'Health Net', pattern: '\\bhealth\\s+net\\b' },
  { name: 'Elevance Health', pattern: '\\belevance\\b' },
  { name: 'Premera Blue Cross', pattern: '\\bpremera\\b' },
  { name: 'Regence', pattern: '\\bregence\\b' },
  { name: 'Independence Blue Cross', pattern: '\\bindependence\\s+blue\\s+cross\\b' },
  { name: 'Excellus BlueCross BlueShield', pattern: '\\bexcellus\\b' },
  { name: 'Harvard Pilgrim Health Care', pattern: '\\bharvard\\s+pilgrim\\b' },
  { name: 'Tufts Health Plan', pattern: '\\btufts\\s+health\\b' },
  { name: 'EmblemHealth', pattern: '\\bemblem\\s*health\\b' },
  { name: 'Priority Health', pattern: '\\bpriority\\s+health\\b' },
  { name: 'Geisinger Health Plan', pattern: '\\bgeisinger\\b' },
  { name: 'UPMC Health Plan', pattern: '\\bupmc\\b' },
  { name: 'Oxford Health Plans', pattern: '\\boxford\\s+health\\b' },
  { name: 'Meritain Health', pattern: '\\bmeritain\\b' },
  { name: 'UMR', pattern: '\\bumr\\b' },
  { name: 'Amerigroup', pattern: '\\bamerigroup\\b' },
  { name: 'Caresource', pattern: '\\bcaresource\\b' },
  { name: 'Superior HealthPlan', pattern: '\\bsuperior\\s+health\\s*plan\\b' },
  { name: 'Fidelis Care', pattern: '\\bfidelis\\s+care\\b' },
  { name: 'Healthfirst', pattern: '\\bhealthfirst\\b' },
];

/** Words a letterhead line of a payer carries, when the payer is not in the list. */
export const letterheadWords =
  '\\b(?:health|healthcare|insurance|assurance|plan|plans|care|benefits|mutual|life|blue)\\b';
