import { beforeEach, describe, expect, it } from 'vitest';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

/**
 * The caseload's Treatment filter: a treatment recorded as "other" in its
 * own words finds its family too: "Deep TMS (BrainsWay)" is a TMS. Real encrypted database.
 */

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession;
const call: ContractSession['call'] = (method, input) => contract.call(method, input);

// Every method behaves the same on the local store and on a team's PostgreSQL database.
describe.each(storeEngines)('on %s', (engine) => {
  beforeEach(async () => {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    return () => contract.close();
  });

  async function caseFor(fullName: string, treatment: string, treatmentDetail: string | null = null) {
    const client = await call('clients.create', { fullName });
    return call('cases.create', { clientId: client.id, treatment: treatment as never, treatmentDetail });
  }

  describe('the Treatment filter', () => {
    it('finds "Deep TMS (BrainsWay)" and "rTMS (accelerated)" under TMS, not a stellate ganglion block', async () => {
      const plain = await caseFor('Ana Brooks', 'tms');
      const deep = await caseFor('Bea Castillo', 'other', 'Deep TMS (BrainsWay)');
      const accelerated = await caseFor('Carl Dubois', 'other', 'rTMS (accelerated protocol)');
      await caseFor('Dee Evans', 'other', 'Stellate ganglion block');
      await caseFor('Eli Fox', 'other', 'Atms-free protocol');
      await caseFor('Fay Gomez', 'iv_ketamine');

      const query = (treatments: string[]) =>
        call('caseload.query', {
          filters: { treatments: treatments as never },
          sorting: [{ column: 'caseNumber' }],
        });
      const ids = (result: Awaited<ReturnType<typeof query>>) => result.rows.map((row) => row.id);

      expect(ids(await query(['tms']))).toEqual([plain.id, deep.id, accelerated.id]);
      expect((await query(['tms'])).total).toBe(3);
      expect((await query(['other'])).total).toBe(4);
      expect((await query(['iv_ketamine'])).total).toBe(1);
    });
  });
});
