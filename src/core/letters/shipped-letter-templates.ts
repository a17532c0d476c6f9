import { claimFileRequestTemplate } from './templates/claim-file-request';
import { expeditedReviewRequestTemplate } from './templates/expedited-review-request';
import { externalReviewRequestTemplate } from './templates/external-review-request';
import { internalAppealFirstLevelTemplate } from './templates/internal-appeal-first-level';
import { internalAppealSecondLevelTemplate } from './templates/internal-appeal-second-level';
import { letterOfMedicalNecessityTemplate } from './templates/letter-of-medical-necessity';
import { medicareAdvantageReconsiderationRequestTemplate } from './templates/medicare-advantage-reconsideration-request';
import { medicareRedeterminationRequestTemplate } from './templates/medicare-redetermination-request';
import { priorAuthorizationCoverTemplate } from './templates/prior-authorization-cover';
import { singleCaseAgreementRequestTemplate } from './templates/single-case-agreement-request';
import { stateInsuranceComplaintTemplate } from './templates/state-insurance-complaint';
import { parseLetterTemplateFile, type LetterTemplateFile } from './letter-template-file';

/**
 * The templates Advocase ships, in the order the New letter dialog offers them. Each is a template
 * file's text (front matter and body, as a user's own exported .md file), kept as a module so the
 * Electron main bundle, the CLI and the tests all load it the same way. Read-only: users duplicate
 * one to change it.
 */
export const shippedLetterTemplates: readonly LetterTemplateFile[] = [
  letterOfMedicalNecessityTemplate,
  priorAuthorizationCoverTemplate,
  expeditedReviewRequestTemplate,
  internalAppealFirstLevelTemplate,
  internalAppealSecondLevelTemplate,
  claimFileRequestTemplate,
  externalReviewRequestTemplate,
  singleCaseAgreementRequestTemplate,
  stateInsuranceComplaintTemplate,
  medicareRedeterminationRequestTemplate,
  medicareAdvantageReconsiderationRequestTemplate,
].map(parseLetterTemplateFile);
