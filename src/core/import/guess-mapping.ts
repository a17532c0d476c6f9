import type { ImportField, ImportMapping } from '../../shared/schemas/import';

/**
 * Header words other systems use for each field, compared without case, spaces or punctuation
 * ("D.O.B." is "dob", "Insurance Co" is "insuranceco"): the one table the guess reads.
 */
const aliases: Readonly<Record<ImportField, readonly string[]>> = {
  fullName: ['name', 'fullname', 'clientname', 'patientname', 'membername', 'client', 'patient'],
  firstName: ['firstname', 'first', 'givenname'],
  lastName: ['lastname', 'last', 'surname', 'familyname'],
  dateOfBirth: ['dob', 'dateofbirth', 'birthdate', 'birthday', 'born'],
  state: ['state', 'st', 'statecode'],
  phone: [
    'phone',
    'phonenumber',
    'phoneno',
    'telephone',
    'mobile',
    'mobilephone',
    'cell',
    'cellphone',
    'tel',
  ],
  email: ['email', 'emailaddress', 'mail'],
  address: ['address', 'mailingaddress', 'streetaddress', 'street'],
  preferredLanguage: ['language', 'preferredlanguage'],
  notes: ['notes', 'note', 'comments', 'comment'],
  payer: [
    'payer',
    'payor',
    'insurance',
    'insurer',
    'carrier',
    'insuranceco',
    'insurancecompany',
    'insurancecarrier',
    'insuranceprovider',
    'healthinsurance',
    'healthplan',
  ],
  planName: ['plan', 'planname'],
  planType: ['plantype', 'plankind', 'typeofplan', 'coveragetype', 'coveragekind', 'insurancetype'],
  memberId: [
    'memberid',
    'member',
    'membernumber',
    'memberno',
    'subscriberid',
    'policynumber',
    'policyno',
    'insuranceid',
    'idnumber',
  ],
  groupNumber: ['group', 'groupnumber', 'groupid'],
  effectiveOn: ['effective', 'effectivedate', 'effectiveon', 'coveragestart', 'startdate'],
  endsOn: ['enddate', 'endson', 'terminationdate', 'coverageend', 'termdate'],
  treatment: [
    'treatment',
    'tx',
    'therapy',
    'service',
    'requestedtreatment',
    'requestedservice',
    'treatmenttype',
  ],
  stage: ['stage', 'status', 'casestatus', 'casestage'],
  priority: ['priority'],
  openedOn: ['opened', 'openedon', 'dateopened', 'opendate', 'intakedate', 'referraldate', 'casedate'],
};

const comparable = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A first mapping from the header row: each field takes the first column whose header is one of its usual names. */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const [field, names] of Object.entries(aliases) as Array<[ImportField, readonly string[]]>) {
    const header = headers.find(
      (candidate) => !taken.has(candidate) && names.includes(comparable(candidate)),
    );
    if (header) {
      mapping[field] = header;
      taken.add(header);
    }
  }
  return mapping;
}

/** The key a mapping is remembered under: the source's name when given, else its header row. */
export function sourceKey(sourceName: string | null, headers: readonly string[]): string {
  return sourceName
    ? `name:${sourceName.trim().toLowerCase()}`
    : `headers:${headers.map((header) => header.toLowerCase()).join('|')}`;
}
