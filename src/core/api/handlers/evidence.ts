import type { HandlersOf } from '../../../shared/contract';
import { listClinicalFacts, setClinicalFact } from '../../evidence/clinical-facts-service';
import {
  getEvidenceChecklist,
  linkEvidence,
  setEvidenceItemStatus,
  unlinkEvidence,
} from '../../evidence/evidence-service';
import type { HandlerContext } from './handler-context';

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
