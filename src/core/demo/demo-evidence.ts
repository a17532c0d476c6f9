import type { Kysely } from 'kysely';
import {
  evidenceItemKeys,
  evidenceItems,
  type EvidenceItemKey,
} from '../../shared/domain/evidence-checklist';
import type { CaseStage } from '../../shared/domain/case-stages';
import type { AdvocaseDatabase } from '../db/schema';
import { linkEvidence, setEvidenceItemStatus } from '../evidence/evidence-service';

/**
 * Evidence on part of the demo caseload, so the caseload's Readiness column
 * spreads from 0 to 100 % and teaches something: cases at intake have little, cases that have
 * filed have more, a few have everything. Items done by a link get one of the case's timeline
 * entries; items only the advocate can judge are marked done by hand, as an advocate would.
 */

/** The share of the checklist done, roughly, by how far the case has gone. */
function readinessTarget(stage: CaseStage, random: () => number): number {
  if (stage === 'intake' || stage === 'benefits_verification') return random() < 0.7 ? 0 : random() * 0.3;
  if (stage === 'evidence_gathering') return 0.2 + random() * 0.6;
  return random() < 0.15 ? 1 : 0.4 + random() * 0.6;
}

export async function addDemoEvidence(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  input: { caseId: number; stage: CaseStage; eventIds: readonly number[]; random: () => number },
): Promise<void> {
  const share = readinessTarget(input.stage, input.random);
  const count = Math.round(share * evidenceItemKeys.length);
  if (count === 0 || input.eventIds.length === 0) return;
  // A fixed order, the items an advocate gathers first coming first.
  const chosen: readonly EvidenceItemKey[] = evidenceItemKeys.slice(0, count);
  for (const [index, itemKey] of chosen.entries()) {
    if (evidenceItems[itemKey].rule === 'link') {
      const eventId = input.eventIds[index % input.eventIds.length]!;
      await linkEvidence(db, actor, { caseId: input.caseId, itemKey, documentId: null, eventId, note: null });
    } else {
      await setEvidenceItemStatus(db, actor, { caseId: input.caseId, itemKey, status: 'done', reason: null });
    }
  }
}
