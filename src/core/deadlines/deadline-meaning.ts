import { fundingDeadlineRules } from '../funding/funding-deadlines';
import { deadlineRules } from './rules';

/** Rules Advocase itself sets (no regulation names them), in the words the screens show. */
const ownMeanings: Readonly<Record<string, string>> = {
  reauthorization_request:
    'The approval ends: ask the payer to re-authorize (continue) the treatment before it does.',
  records_request_follow_up:
    'The payer must give you the claim file and the criteria it used, free of charge; follow up if they have not arrived.',
  erisa_plan_documents_request:
    'The plan administrator must send the plan documents you asked for; ERISA sets a 30-day penalty clock.',
};

/** A deadline rule in plain words: the engine's, Advocase's own, or a funding date's. */
export function meaningOf(rule: string): string {
  const engineRule = (deadlineRules as Readonly<Record<string, { meaning: string }>>)[rule];
  return (
    engineRule?.meaning ??
    ownMeanings[rule] ??
    (fundingDeadlineRules as Readonly<Record<string, string>>)[rule] ??
    rule
  );
}
