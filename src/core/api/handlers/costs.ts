import type { HandlersOf } from '../../../shared/contract/index';
import { getCaseCostEstimate, saveCaseCostEstimate } from '../../costs/cost-estimates-service';
import {
  addCandidatePlan,
  getPlanComparison,
  removeCandidatePlan,
  savePlannedCourse,
  updateCandidatePlan,
} from '../../costs/plan-comparison-service';
import type { HandlerContext } from './handler-context';

export function costsHandlers({ session }: HandlerContext): HandlersOf<'costs'> {
  return {
    'costs.getEstimate': ({ caseId }) => session.useStore(({ db }) => getCaseCostEstimate(db, caseId)),
    'costs.saveEstimateInputs': (input) =>
      session.useStore(({ db }) => saveCaseCostEstimate(db, session.actor, input)),
  };
}

export function plansHandlers({ session }: HandlerContext): HandlersOf<'plans'> {
  return {
    'plans.compare': ({ clientId }) => session.useStore(({ db }) => getPlanComparison(db, clientId)),
    'plans.saveCourse': (input) => session.useStore(({ db }) => savePlannedCourse(db, session.actor, input)),
    'plans.add': (input) => session.useStore(({ db }) => addCandidatePlan(db, session.actor, input)),
    'plans.update': (input) => session.useStore(({ db }) => updateCandidatePlan(db, session.actor, input)),
    'plans.remove': ({ planId }) =>
      session.useStore(({ db }) => removeCandidatePlan(db, session.actor, planId)),
  };
}
