import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/core/db/migrations';
import { openStore } from '../../src/core/db/store';
import { getCaseCostEstimate } from '../../src/core/costs/cost-estimates-service';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();

describe('migration 0050-cost-estimates', () => {
  it('adds the estimate tables to a database with cases, prefilling from their coverage, and removes them with the case', async () => {
    const path = join(newDataDirectory(), 'advocase.db');
    const dataKey = randomBytes(32);
    const names = Object.keys(migrations);
    const old = await openStore(path, dataKey, { upTo: names[names.indexOf('0050-cost-estimates') - 1]! });
    const now = '2026-01-05T10:00:00.000Z';
    const client = await old.db
      .insertInto('clients')
      .values({ full_name: 'Ines Park', date_of_birth: null, state: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const coverage = await old.db
      .insertInto('coverages')
      .values({
        client_id: client.id,
        payer: 'Kaiser',
        plan_type: 'employer-fully-insured',
        network_type: 'HMO',
        deductible_cents: 1_000_00,
        deductible_met_cents: 250_00,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const opened = await old.db
      .insertInto('cases')
      .values({
        client_id: client.id,
        coverage_id: coverage.id,
        treatment: 'esketamine',
        payer: 'Kaiser',
        stage: 'intake',
        priority: 'normal',
        opened_on: '2026-01-05',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await old.close();

    const upgraded = await openStore(path, dataKey);
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
