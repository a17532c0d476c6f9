import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../shared/contract';
import type { Coverage, CoverageChange, ProviderNetwork } from '../../shared/schemas/coverages';
import { auditedInsert, auditedUpdate, definedEntries } from '../db/audited-writes';
import { dialectOf } from '../db/dialect/dialect-of';
import { inTransaction } from '../db/in-transaction';
import type { AdvocaseDatabase } from '../db/schema';
import type { RowAuditAction } from '../db/tables/audit-log';
import type { CoverageRow, CoveragesTable } from '../db/tables/coverages';
import { assertClientExists } from '../clients/assert-client-exists';
import { recomputeDeadlinesOfCoverage } from '../deadlines/recompute';
import { AppError } from '../errors';
import { assertNotChangedSince } from '../record-versions/edit-conflict';
import { readRecordVersion, versionOf } from '../record-versions/record-version';

/** A coverage's fields as the contract names them, from its row (or a copy of it in the audit log). */
function coverageFieldsOf(row: CoverageRow): Omit<Coverage, 'version'> {
  return {
    id: row.id,
    clientId: row.client_id,
    payer: row.payer,
    planName: row.plan_name,
    planType: row.plan_type,
    memberId: row.member_id,
    groupNumber: row.group_number,
    effectiveOn: row.effective_on,
    endsOn: row.ends_on,
    networkType: row.network_type,
    deductibleCents: row.deductible_cents,
    deductibleMetCents: row.deductible_met_cents,
    outOfPocketMaxCents: row.out_of_pocket_max_cents,
    outOfPocketMetCents: row.out_of_pocket_met_cents,
    copayCents: row.copay_cents,
    coinsurancePercent: row.coinsurance_percent,
    priorAuthRules: row.prior_auth_rules,
    exclusions: row.exclusions,
    payerPhone: row.payer_phone,
    payerFax: row.payer_fax,
    portalUrl: row.portal_url,
    appealsAddress: row.appeals_address,
    notes: row.notes,
    updatedAt: row.updated_at,
  };
}

/** A coverage as the contract gives it, with the version a form edited from it sends back. */
function toCoverage(row: CoverageRow & { version: number }): Coverage {
  return { ...coverageFieldsOf(row), version: Number(row.version) };
}

type CoverageFields = Omit<ParsedInput<'coverages.create'>, 'clientId'>;

/** The coverage fields as table columns; only the fields given are set. */
function toColumns(
  fields: Partial<CoverageFields>,
): Partial<Omit<CoveragesTable, 'id' | 'client_id' | 'created_at'>> {
  const given = definedEntries(fields);
  return definedEntries({
    payer: given.payer,
    plan_name: given.planName,
    plan_type: given.planType,
    member_id: given.memberId,
    group_number: given.groupNumber,
    effective_on: given.effectiveOn,
    ends_on: given.endsOn,
    network_type: given.networkType,
    deductible_cents: given.deductibleCents,
    deductible_met_cents: given.deductibleMetCents,
    out_of_pocket_max_cents: given.outOfPocketMaxCents,
    out_of_pocket_met_cents: given.outOfPocketMetCents,
    copay_cents: given.copayCents,
    coinsurance_percent: given.coinsurancePercent,
    prior_auth_rules: given.priorAuthRules,
    exclusions: given.exclusions,
    payer_phone: given.payerPhone,
    payer_fax: given.payerFax,
    portal_url: given.portalUrl,
    appeals_address: given.appealsAddress,
    notes: given.notes,
  });
}

const missingCoverage = (coverageId: number) => `There is no coverage with id ${coverageId}.`;

export function createCoverage(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  { clientId, ...fields }: ParsedInput<'coverages.create'>,
): Promise<Coverage> {
  return inTransaction(db, async (trx) => {
    await assertClientExists(trx, clientId);
    const now = new Date().toISOString();
    const row = await auditedInsert(trx, actor, 'coverages', {
      ...(toColumns(fields) as Required<ReturnType<typeof toColumns>>),
      client_id: clientId,
      created_at: now,
      updated_at: now,
    });
    return toCoverage({ ...row, version: 0 }); // A record just added: no change yet (migration 0150).
  });
}

export function updateCoverage(
  db: Kysely<AdvocaseDatabase>,
  actor: string,
  { coverageId, version, changes }: ParsedInput<'coverages.update'>,
): Promise<Coverage> {
  return inTransaction(db, async (trx) => {
    const readCoverage = () =>
      trx
        .selectFrom('coverages')
        .selectAll()
        .select(versionOf('coverages', 'coverages.id'))
        .where('id', '=', coverageId)
        .executeTakeFirst();
    await assertNotChangedSince(trx, 'coverages', coverageId, version, async () => {
      const saved = await readCoverage();
      if (!saved) throw new AppError('NOT_FOUND', missingCoverage(coverageId), 'coverageId');
      return toCoverage(saved);
    });
    const current = await readCoverage();
    if (!current) throw new AppError('NOT_FOUND', missingCoverage(coverageId), 'coverageId');
    const merged = { ...toCoverage(current), ...definedEntries(changes) };
    // Cross-field rules are checked on the record as it will be, not just on the fields sent.
    if (merged.effectiveOn && merged.endsOn && merged.endsOn < merged.effectiveOn) {
      throw new AppError(
        'INVALID_INPUT',
        'End date is before the effective date. Check both dates.',
        'endsOn',
      );
    }
    const updated = await auditedUpdate(
      trx,
      actor,
      'coverages',
      coverageId,
      toColumns(changes),
      missingCoverage(coverageId),
    );
    await recomputeDeadlinesOfCoverage(trx, actor, coverageId); // Deadlines: the plan type sets them.
    return toCoverage({
      ...updated,
      version: (await readRecordVersion(trx, 'coverages', coverageId)).version,
    });
  });
}

export async function listCoveragesOfClient(
  db: Kysely<AdvocaseDatabase>,
  clientId: number,
): Promise<Coverage[]> {
  const rows = await db
    .selectFrom('coverages')
    .selectAll()
    .select(versionOf('coverages', 'coverages.id'))
    .where('client_id', '=', clientId)
    .orderBy('effective_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toCoverage);
}

/** The audit log of one coverage, as field-by-field changes, newest first. */
export async function coverageHistory(
  db: Kysely<AdvocaseDatabase>,
  coverageId: number,
): Promise<CoverageChange[]> {
  const entries = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('table_name', '=', 'coverages')
    .where('row_id', '=', coverageId)
    .where('action', 'in', ['insert', 'update', 'delete'])
    .$narrowType<{ action: RowAuditAction }>()
    .orderBy('id', 'desc')
    .execute();
  if (entries.length === 0) throw new AppError('NOT_FOUND', missingCoverage(coverageId), 'coverageId');
  // Who, as the reader says it: "You" for their own changes (on this computer, every change), a
  // colleague by their full name on a team; never a login or the computer's user name.
  const { recordEditing } = dialectOf(db);
  const names = new Map<string, string>();
  for (const actor of new Set(entries.map((entry) => entry.actor)))
    names.set(actor, (await recordEditing.nameOfEditor(db, actor)) ?? 'You');
  return entries.map((entry) => {
    const before = entry.before ? coverageFieldsOf(JSON.parse(entry.before) as CoverageRow) : null;
    const after = entry.after ? coverageFieldsOf(JSON.parse(entry.after) as CoverageRow) : null;
    const fields = Object.keys(after ?? before ?? {}).filter((field) => field !== 'updatedAt') as (keyof Omit<
      Coverage,
      'version'
    >)[];
    return {
      at: entry.at,
      actor: names.get(entry.actor)!,
      action: entry.action,
      changes: fields
        .filter((field) => before?.[field] !== after?.[field])
        .map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null })),
    };
  });
}

export async function listCoverageNetworks(
  db: Kysely<AdvocaseDatabase>,
  coverageId: number,
): Promise<ProviderNetwork[]> {
  const rows = await db
    .selectFrom('provider_networks')
    .innerJoin('providers', 'providers.id', 'provider_networks.provider_id')
    .select([
      'provider_networks.coverage_id',
      'provider_networks.provider_id',
      'providers.name',
      'provider_networks.status',
      'provider_networks.tier',
      'provider_networks.referral_required',
    ])
    .where('provider_networks.coverage_id', '=', coverageId)
    .orderBy('providers.name')
    .execute();
  return rows.map((row) => ({
    coverageId: row.coverage_id,
    providerId: row.provider_id,
    providerName: row.name,
    status: row.status,
    tier: row.tier,
    referralRequired: row.referral_required === 1,
  }));
}
