import type { HandlersOf } from '../../../shared/contract/index';
import { listClinicalFacts, setClinicalFact } from '../../evidence/clinical-facts-service';
import {
  getEvidenceChecklist,
  linkEvidence,
  setEvidenceItemStatus,
  unlinkEvidence,
} from '../../evidence/evidence-service';
import {
  addSymptomScore,
  listSymptomScores,
  removeSymptomScore,
  updateSymptomScore,
} from '../../evidence/symptom-scores-service';
import {
  addTreatmentTrial,
  listTreatmentTrials,
  removeTreatmentTrial,
  updateTreatmentTrial,
} from '../../evidence/treatment-trials-service';
import type { HandlerContext } from './handler-context';

export function treatmentHistoryHandlers({ session }: HandlerContext): HandlersOf<'treatmentHistory'> {
  return {
    'treatmentHistory.list': ({ clientId }) =>
      session.useStore(({ db }) => listTreatmentTrials(db, clientId)),
    'treatmentHistory.add': ({ clientId, trial }) =>
      session.useStore(({ db }) => addTreatmentTrial(db, session.actor, clientId, trial)),
    'treatmentHistory.update': ({ trialId, trial }) =>
      session.useStore(({ db }) => updateTreatmentTrial(db, session.actor, trialId, trial)),
    'treatmentHistory.remove': ({ trialId }) =>
      session.useStore(({ db }) => removeTreatmentTrial(db, session.actor, trialId)),
  };
}

export function symptomScoresHandlers({ session }: HandlerContext): HandlersOf<'symptomScores'> {
  return {
    'symptomScores.list': ({ clientId }) => session.useStore(({ db }) => listSymptomScores(db, clientId)),
    'symptomScores.add': ({ clientId, score }) =>
      session.useStore(({ db }) => addSymptomScore(db, session.actor, clientId, score)),
    'symptomScores.update': ({ scoreId, score }) =>
      session.useStore(({ db }) => updateSymptomScore(db, session.actor, scoreId, score)),
    'symptomScores.remove': ({ scoreId }) =>
      session.useStore(({ db }) => removeSymptomScore(db, session.actor, scoreId)),
  };
}

export function evidenceHandlers({ session }: HandlerContext): HandlersOf<'evidence'> {
  return {
    'evidence.checklist': ({ caseId }) => session.useStore(({ db }) => getEvidenceChecklist(db, caseId)),
    'evidence.link': (input) => session.useStore(({ db }) => linkEvidence(db, session.actor, input)),
    'evidence.unlink': ({ linkId }) =>
      session.useStore(({ db }) => unlinkEvidence(db, session.actor, linkId)),
    'evidence.setStatus': (input) =>
      session.useStore(({ db }) => setEvidenceItemStatus(db, session.actor, input)),
  };
}

export function clinicalFactsHandlers({ session }: HandlerContext): HandlersOf<'clinicalFacts'> {
  return {
    'clinicalFacts.list': ({ caseId }) => session.useStore(({ db }) => listClinicalFacts(db, caseId)),
    'clinicalFacts.set': (input) => session.useStore(({ db }) => setClinicalFact(db, session.actor, input)),
  };
}
