import { describe, expect, it } from 'vitest';
import { getCaseCostEstimate } from '../../src/core/costs/cost-estimates-service';
import { migrationBefore, useStoreAtMigration } from '../helpers/migration-store';

const storeAt = useStoreAtMigration();
const now = '2026-01-05T10:00:00.000Z';

describe('migration 0050-cost-estimates', () => {
  it('adds the estimate tables to a database with cases, prefilling from their coverage, and removes them with the case', async () => {
    const old = await storeAt(migrationBefore('0050-cost-estimates'));
    await old.seed(
      `INSERT INTO clients (id, full_name, created_at, updated_at) VALUES (1, 'Ines Park', '${now}', '${now}')`,
      `INSERT INTO coverages (id, client_id, payer, plan_type, network_type, deductible_cents, deductible_met_cents, created_at, updated_at)
         VALUES (1, 1, 'Kaiser', 'employer-fully-insured', 'HMO', 100000, 25000, '${now}', '${now}')`,
      `INSERT INTO cases (id, client_id, coverage_id, treatment, payer, stage, priority, opened_on, created_at, updated_at)
         VALUES (1, 1, 1, 'esketamine', 'Kaiser', 'intake', 'normal', '2026-01-05', '${now}', '${now}')`,
    );
    const coverage = { id: 1 };
    const opened = { id: 1 };

    const upgraded = await old.migrateTo();
    const estimate = await getCaseCostEstimate(upgraded.db, opened.id);
    expect(estimate).toMatchObject({
      isSaved: false,
      coverageLabel: 'Kaiser',
      inputs: {
        inNetwork: { deductibleCents: 1_000_00, deductibleMetCents: 250_00 },
        hasOutOfNetworkBenefit: false,
      },
    });
    await upgraded.db
      .insertInto('case_cost_estimates')
      .values({
        case_id: opened.id,
        coverage_id: coverage.id,
        inputs: '{}',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await upgraded.db.deleteFrom('cases').where('id', '=', opened.id).execute();
    expect(await upgraded.db.selectFrom('case_cost_estimates').selectAll().execute()).toEqual([]);
    await upgraded.close();
  });
});
