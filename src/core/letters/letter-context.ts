import type { LetterKind } from '../../shared/domain/letter-kinds';
import type { ClaimType, PlanType } from '../../shared/domain/plan-types';
import type { TreatmentKind } from '../../shared/domain/treatments';
import type { CaseDeadline } from '../../shared/schemas/deadlines';
import type { DocumentType } from '../../shared/schemas/vault';
import type { CaseClinicalFacts } from '../medical-necessity/case-clinical-facts';
import type { CriteriaEvaluation } from '../medical-necessity/criteria-evaluation';
import type { RecordedDenialNotice } from '../../shared/schemas/case-denial-notice';

/** A vault document enclosed with the letter, numbered in the order the advocate chose. */
export type LetterEnclosure = {
  readonly documentId: number;
  readonly title: string;
  readonly documentType: DocumentType;
  /** YYYY-MM-DD, from the document's own date; null when not recorded. */
  readonly documentDate: string | null;
};

/** The payer's latest decision on the case (the timeline's last `payer_decision` event). */
export type LetterDenial = {
  readonly decision: 'approved' | 'partially_approved' | 'denied';
  /** 0 for the initial decision, 1… for decisions on appeals. */
  readonly level: number;
  readonly noticeDate: string;
  readonly receivedOn: string | null;
  /** The reason as the notice words it; quoted, never paraphrased. */
  readonly reason: string | null;
  readonly isFinal: boolean;
};

/**
 * Everything a letter can say about one case, read once from the store. Placeholders fill only
 * from this, so a template renders the same way in the app, in tests and from the CLI.
 */
export type LetterContext = {
  /** YYYY-MM-DD: the letter's date. */
  readonly today: string;
  readonly letterKind: LetterKind;
  readonly caseNumber: string;
  readonly treatmentKind: TreatmentKind;
  /** As the case describes it: "TMS", "Esketamine (Spravato)", or the "other" text. */
  readonly treatment: string;
  readonly isUrgent: boolean;
  readonly claimType: ClaimType | null;
  readonly client: {
    readonly name: string;
    readonly dateOfBirth: string | null;
    readonly address: string | null;
    readonly phone: string | null;
  };
  readonly coverage: {
    readonly payer: string | null;
    readonly planName: string | null;
    readonly planType: PlanType | null;
    readonly memberId: string | null;
    readonly groupNumber: string | null;
    readonly appealsAddress: string | null;
    readonly payerFax: string | null;
  };
  readonly provider: {
    readonly name: string;
    readonly npi: string | null;
    readonly specialty: string | null;
    readonly address: string | null;
    readonly phone: string | null;
    readonly fax: string | null;
  } | null;
  /** Claim numbers from the timeline's claims and EOBs, oldest first, each once. */
  readonly claimNumbers: readonly string[];
  /** Prior-authorization confirmation numbers from the timeline. */
  readonly authorizationNumbers: readonly string[];
  readonly datesOfService: readonly string[];
  readonly procedureCodes: readonly string[];
  readonly diagnosisCodes: readonly string[];
  readonly denial: LetterDenial | null;
  /** The denial notice last read into the case, with its check against the law; null when none was read. */
  readonly denialNotice: RecordedDenialNotice | null;
  /** Appeals already filed, oldest first (a second-level appeal refers to the first). */
  readonly appealsFiled: readonly { readonly level: number; readonly filedOn: string }[];
  /** The deadline engine's dates for the case, with their rules and citations. */
  readonly deadlines: readonly CaseDeadline[];
  /** Treatment history, scores and yes/no facts; null until the evidence is recorded. */
  readonly clinical: CaseClinicalFacts | null;
  /** The payer's criteria judged against the case; null when no criteria set applies. */
  readonly criteria: CriteriaEvaluation | null;
  readonly enclosures: readonly LetterEnclosure[];
};
