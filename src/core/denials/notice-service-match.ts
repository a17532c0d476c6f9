import { describeTreatment, type TreatmentKind } from '../../shared/domain/treatments';

/**
 * The words (and HCPCS/CPT codes) a notice uses for each treatment Advocase knows. Ketamine alone
 * is the IV infusion's word only when it is not part of "esketamine". Codes: esketamine's
 * administration and observation G2082/G2083 (CMS HCPCS), TMS 90867–90869 (CPT).
 */
const treatmentWords: Readonly<Record<Exclude<TreatmentKind, 'other'>, RegExp>> = {
  iv_ketamine: /(?<!es)ketamine/i,
  esketamine: /esketamine|spravato|\bG208[23]\b/i,
  tms: /\b[rd]?tms\b|transcranial|magnetic stimulation|\b9086[789]\b/i,
};

/** Words of an "other" treatment's own name long enough to recognise it in a notice. */
function significantWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 4);
}

/**
 * Whether the service a denial notice names is another treatment than the case's, so the advocate
 * is warned before recording a notice that may belong to another case or another request. Only a
 * clear difference counts: the notice names a treatment, and none of the case's words. Returns the
 * case's treatment as shown, or null when they agree or the notice's words decide nothing.
 */
export function treatmentTheNoticeDiffersFrom(
  noticeService: string | null,
  caseTreatment: TreatmentKind,
  caseTreatmentDetail: string | null,
): string | null {
  if (noticeService === null || noticeService.trim() === '') return null;
  const caseTreatmentText = describeTreatment(caseTreatment, caseTreatmentDetail);
  if (caseTreatment !== 'other')
    return treatmentWords[caseTreatment].test(noticeService) ? null : caseTreatmentText;
  if (caseTreatmentDetail === null) return null;
  const noticeWords = new Set(significantWords(noticeService));
  return significantWords(caseTreatmentDetail).some((word) => noticeWords.has(word))
    ? null
    : caseTreatmentText;
}
