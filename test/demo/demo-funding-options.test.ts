import { beforeEach, describe, expect, it } from 'vitest';
import { generateDemoCaseload } from '../../src/core/demo/generate-demo-caseload';
import { addCalendarDays } from '../../src/core/deadlines/date-arithmetic';
import { localToday } from '../../src/shared/schemas/fields';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The demo caseload's funding options ("demo data that shows the product"): made on a
 * real encrypted store, read back through the contract as the screens read them.
 */

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession;

beforeEach(async () => {
  contract = await startContractSession(newDataDirectory());
  return () => contract.session.lock();
});

describe('demo funding options', () => {
  it('puts funding options on part of the caseload, some granted, their dates on the agenda over the months ahead', async () => {
    await contract.session.useStore(({ db }) =>
      db.transaction().execute((trx) => generateDemoCaseload(trx, { clientCount: 80, today: new Date() })),
    );
    const options = await contract.session.useStore(({ db }) =>
      db
        .selectFrom('funding_options')
        .select([
          'case_id',
          'option_type',
          'status',
          'amount_granted_cents',
          'next_step_on',
          'apply_by',
          'renewal_on',
        ])
        .execute(),
    );
    const cases = await contract.call('cases.list', {});
    const casesWithOptions = new Set(options.map((option) => option.case_id));
    // Part of the caseload, not all of it.
    expect(casesWithOptions.size).toBeGreaterThanOrEqual(5);
    expect(casesWithOptions.size).toBeLessThan(cases.length / 2);
    expect(options.filter((option) => option.status === 'granted').length).toBeGreaterThanOrEqual(2);
    expect(
      options
        .filter((option) => option.status === 'granted')
        .every((option) => (option.amount_granted_cents ?? 0) > 0),
    ).toBe(true);
    // Dates spread over the coming months, not all in the agenda's first month.
    const today = localToday();
    const dates = options.flatMap((option) => [option.next_step_on, option.apply_by, option.renewal_on]);
    const ahead = dates.filter((date): date is string => date !== null && date >= today);
    expect(ahead.some((date) => date <= addCalendarDays(today, 30))).toBe(true);
    expect(ahead.some((date) => date > addCalendarDays(today, 90))).toBe(true);

    // The Funding tab of a case with options, and the agenda, read them.
    const [firstCase] = [...casesWithOptions];
    const funding = await contract.call('funding.getForCase', { caseId: firstCase! });
    expect(funding.options.length).toBeGreaterThan(0);
    const agenda = await contract.call('deadlines.agenda', {});
    expect(agenda.items.some((item) => item.rule?.startsWith('funding_'))).toBe(true);
  }, 120_000);
});
