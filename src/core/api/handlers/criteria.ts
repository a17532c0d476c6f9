import type { HandlersOf } from '../../../shared/contract/index';
import { loadCaseClinicalFacts } from '../../medical-necessity/load-case-clinical-facts';
import {
  chooseCriteriaSetForCase,
  evaluateCaseCriteria,
  judgeCriterion,
} from '../../medical-necessity/case-criteria-service';
import {
  deleteCriteriaSet,
  getCriteriaSet,
  listCriteriaSets,
  saveCriteriaSet,
} from '../../medical-necessity/criteria-sets-service';
import {
  getEvidencePack,
  listEvidencePacks,
  resetEvidencePack,
  saveEvidencePack,
} from '../../medical-necessity/evidence-packs-service';
import type { HandlerContext } from './handler-context';

export function criteriaHandlers({ session }: HandlerContext): HandlersOf<'criteria'> {
  return {
    'criteria.listSets': () => session.useStore(({ db }) => listCriteriaSets(db)),
    'criteria.getSet': ({ setId }) => session.useStore(({ db }) => getCriteriaSet(db, setId)),
    'criteria.saveSet': (input) => session.useStore(({ db }) => saveCriteriaSet(db, session.actor, input)),
    'criteria.deleteSet': ({ setId }) =>
      session.useStore(async ({ db }) => {
        await deleteCriteriaSet(db, session.actor, setId);
        return {};
      }),
    'criteria.evaluateCase': ({ caseId }) =>
      session.useStore(({ db }) => evaluateCaseCriteria(db, caseId, loadCaseClinicalFacts)),
    'criteria.chooseSetForCase': ({ caseId, setId }) =>
      session.useStore(async ({ db }) => {
        await chooseCriteriaSetForCase(db, session.actor, caseId, setId);
        return evaluateCaseCriteria(db, caseId, loadCaseClinicalFacts);
      }),
    'criteria.judgeCriterion': (input) =>
      session.useStore(async ({ db }) => {
        await judgeCriterion(db, session.actor, input);
        return evaluateCaseCriteria(db, input.caseId, loadCaseClinicalFacts);
      }),
  };
}

export function evidencePacksHandlers({ session }: HandlerContext): HandlersOf<'evidencePacks'> {
  return {
    'evidencePacks.list': () => session.useStore(({ db }) => listEvidencePacks(db)),
    'evidencePacks.get': ({ treatment }) => session.useStore(({ db }) => getEvidencePack(db, treatment)),
    'evidencePacks.save': ({ pack }) =>
      session.useStore(({ db }) => saveEvidencePack(db, session.actor, pack)),
    'evidencePacks.reset': ({ treatment }) =>
      session.useStore(({ db }) => resetEvidencePack(db, session.actor, treatment)),
  };
}
