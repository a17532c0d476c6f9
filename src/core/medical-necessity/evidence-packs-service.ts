import type { Kysely } from 'kysely';
import type { TreatmentKind } from '../../shared/domain/treatments';
import {
  evidencePackSchema,
  type EvidencePack,
  type EvidencePackView,
} from '../../shared/schemas/evidence-packs';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import { appendAuditEntry } from '../db/audit-log';
import { AppError } from '../errors';
import { shippedEvidencePacks } from './evidence-packs/shipped-evidence-packs';

function shippedPack(treatment: TreatmentKind): EvidencePack {
  const pack = shippedEvidencePacks.get(treatment);
  if (!pack) throw new AppError('NOT_FOUND', 'There is no evidence pack for that treatment.', 'treatment');
  return pack;
}

export async function getEvidencePack(
  db: Kysely<AdvocaseDatabase>,
  treatment: TreatmentKind,
): Promise<EvidencePackView> {
  const row = await db
    .selectFrom('evidence_pack_edits')
    .selectAll()
    .where('treatment', '=', treatment)
    .executeTakeFirst();
  const edited = row ? evidencePackSchema.safeParse(JSON.parse(row.pack)) : null;
  if (row && edited?.success) return { pack: edited.data, isEdited: true, updatedAt: row.updated_at };
  return { pack: shippedPack(treatment), isEdited: false, updatedAt: null };
}

export async function listEvidencePacks(db: Kysely<AdvocaseDatabase>): Promise<EvidencePackView[]> {
  return Promise.all([...shippedEvidencePacks.keys()].map((treatment) => getEvidencePack(db, treatment)));
}

/** Keeps the user's version of the pack; the shipped one stays in the app to go back to. */
export function saveEvidencePack(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  pack: EvidencePack,
): Promise<EvidencePackView> {
  return inTransaction(db, async (trx) => {
    shippedPack(pack.treatment);
    const before = await getEvidencePack(trx, pack.treatment);
    const now = new Date().toISOString();
    const value = JSON.stringify(pack);
    await trx
      .insertInto('evidence_pack_edits')
      .values({ treatment: pack.treatment, pack: value, updated_at: now })
      .onConflict((conflict) => conflict.column('treatment').doUpdateSet({ pack: value, updated_at: now }))
      .execute();
    await appendAuditEntry(trx, {
      actor,
      tableName: 'evidence_pack_edits',
      rowId: 0,
      action: before.isEdited ? 'update' : 'insert',
      before: before.pack,
      after: pack,
    });
    return { pack, isEdited: true, updatedAt: now };
  });
}

export function resetEvidencePack(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  treatment: TreatmentKind,
): Promise<EvidencePackView> {
  return inTransaction(db, async (trx) => {
    const before = await getEvidencePack(trx, treatment);
    if (before.isEdited) {
      await trx.deleteFrom('evidence_pack_edits').where('treatment', '=', treatment).execute();
      await appendAuditEntry(trx, {
        actor,
        tableName: 'evidence_pack_edits',
        rowId: 0,
        action: 'delete',
        before: before.pack,
        after: null,
      });
    }
    return { pack: shippedPack(treatment), isEdited: false, updatedAt: null };
  });
}
