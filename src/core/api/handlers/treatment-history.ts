import type { HandlersOf } from '../../../shared/contract';
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
