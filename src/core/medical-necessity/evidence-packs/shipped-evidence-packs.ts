import { evidencePackSchema, type EvidencePack } from '../../../shared/schemas/evidence-packs';
import type { TreatmentKind } from '../../../shared/domain/treatments';
import { esketamineEvidencePack } from './esketamine-pack';
import { ivKetamineEvidencePack } from './iv-ketamine-pack';
import { tmsEvidencePack } from './tms-pack';

/** One pack per treatment the app knows; checked against the schema a user's edit must pass. */
export const shippedEvidencePacks: ReadonlyMap<TreatmentKind, EvidencePack> = new Map(
  [esketamineEvidencePack, ivKetamineEvidencePack, tmsEvidencePack].map((pack) => [
    pack.treatment,
    evidencePackSchema.parse(pack),
  ]),
);
