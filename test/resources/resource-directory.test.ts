import { beforeEach, describe, expect, it } from 'vitest';
import { starterResources } from '../../src/core/resources/starter-resources';
import type { MethodInput } from '../../src/shared/contract';
import { startContractSession, type ContractSession } from '../helpers/contract-session';
import { storeEngines } from '../helpers/test-stores';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';

const newDataDirectory = useTemporaryDataDirectory();
let contract: ContractSession;
const call: ContractSession['call'] = (method, input) => contract.call(method, input);
const failure: ContractSession['failure'] = (method, input) => contract.failure(method, input);

// Every method behaves the same on the local store and on a team's PostgreSQL database.
describe.each(storeEngines)('on %s', (engine) => {
  beforeEach(async () => {
    contract = await startContractSession(newDataDirectory(), 'navigator', engine);
    return () => contract.close();
  });

  const texasDepartment: MethodInput<'resources.create'> = {
    name: 'Texas Department of Insurance',
    kind: 'state_insurance_department',
    state: 'tx',
    website: 'https://www.tdi.texas.gov',
    tags: ['complaints', 'external review'],
  };

  const names = (resources: ReadonlyArray<{ name: string }>) => resources.map((resource) => resource.name);

  describe('resource directory', () => {
    it('adds the starter set once, every entry with its source and marked to be verified', async () => {
      const first = await call('resources.addStarterSet', {});
      expect(first.added).toBe(starterResources.length);
      const listed = await call('resources.list', {});
      expect(listed).toHaveLength(starterResources.length);
      for (const resource of listed) {
        expect(resource.isStarter).toBe(true);
        expect(resource.needsVerification).toBe(true);
        expect(resource.sourceUrl).toMatch(/^https?:\/\//);
      }
      expect((await call('resources.addStarterSet', {})).added).toBe(0);

      // Deleted starter entries come back with the next "Add the starter set".
      const ebsa = listed.find((resource) => resource.name.includes('EBSA'))!;
      expect(ebsa.phone).toBe('1-866-444-3272');
      await call('resources.delete', { resourceId: ebsa.id });
      expect((await call('resources.addStarterSet', {})).added).toBe(1);
    });

    it('finds by words in name, notes or tags, by kind, and by state (national ones always)', async () => {
      await call('resources.addStarterSet', {});
      const texas = await call('resources.create', texasDepartment);
      expect(texas.state).toBe('TX');

      // The EBSA entry is tagged ERISA; the state department's notes say it does not cover ERISA plans.
      expect(names(await call('resources.list', { text: 'erisa' }))).toEqual([
        'State insurance department (the client’s state)',
        'U.S. Department of Labor, Employee Benefits Security Administration (EBSA)',
      ]);
      expect(names(await call('resources.list', { text: 'Spravato copay' }))).toEqual([
        'SPRAVATO withMe (Janssen CarePath)',
      ]);
      expect(names(await call('resources.list', { kind: 'state_insurance_department' }))).toEqual([
        'State insurance department (the client’s state)',
        'Texas Department of Insurance',
      ]);
      expect(names(await call('resources.list', { state: 'TX' }))).toContain('Texas Department of Insurance');
      expect(names(await call('resources.list', { state: 'CA' }))).not.toContain(
        'Texas Department of Insurance',
      );
      expect(await call('resources.list', { state: 'CA' })).toHaveLength(starterResources.length);
      expect(await call('resources.list', { text: '100%_' })).toEqual([]);
    });

    it('says what is wrong by the field and saves nothing', async () => {
      const noName = await failure('resources.create', { ...texasDepartment, name: ' ' });
      expect([noName.field, noName.message]).toEqual(['name', 'Name is required.']);
      const badSite = await failure('resources.create', { ...texasDepartment, website: 'tdi.texas.gov' });
      expect(badSite.field).toBe('website');
      expect(badSite.message).toMatch(/full web address starting with https:\/\//);
      const badState = await failure('resources.create', { ...texasDepartment, state: 'Texas' });
      expect(badState.field).toBe('state');
      const saved = await call('resources.create', texasDepartment);
      const badEdit = await failure('resources.update', {
        resourceId: saved.id,
        changes: { email: 'nobody' },
      });
      expect(badEdit.field).toBe('changes.email');
      expect((await call('resources.list', {})).map((resource) => [resource.name, resource.email])).toEqual([
        ['Texas Department of Insurance', null],
      ]);
    });

    it('links resources to a case, and Undo reverses an unlink and a delete', async () => {
      const client = await call('clients.create', { fullName: 'Lena Ortiz', state: 'TX' });
      const opened = await call('cases.create', {
        clientId: client.id,
        treatment: 'esketamine',
        payer: 'Cigna',
      });
      const texas = await call('resources.create', texasDepartment);

      const link = await call('resources.linkToCase', {
        resourceId: texas.id,
        caseId: opened.id,
        note: 'Complaint filed',
      });
      expect(link).toMatchObject({
        note: 'Complaint filed',
        resource: { name: texas.name, linkedCaseCount: 1 },
      });
      const twice = await failure('resources.linkToCase', { resourceId: texas.id, caseId: opened.id });
      expect(twice.message).toBe('This resource is already linked to this case.');

      await call('resources.unlinkFromCase', { linkId: link.linkId });
      expect(await call('resources.listForCase', { caseId: opened.id })).toEqual([]);
      await call('history.undo', { count: 1 });
      expect((await call('resources.listForCase', { caseId: opened.id })).map((row) => row.linkId)).toEqual([
        link.linkId,
      ]);

      await call('resources.delete', { resourceId: texas.id });
      expect(await call('resources.list', {})).toEqual([]);
      expect(await call('resources.listForCase', { caseId: opened.id })).toEqual([]);
      await call('history.undo', { count: 1 });
      expect(names(await call('resources.list', {}))).toEqual([texas.name]);
    });

    it('clears the "Verify before use" badge once the user has checked an entry', async () => {
      await call('resources.addStarterSet', {});
      const [entry] = await call('resources.list', { text: 'No Surprises' });
      const checked = await call('resources.update', {
        resourceId: entry!.id,
        changes: { needsVerification: false },
      });
      expect(checked.needsVerification).toBe(false);
      expect(checked.isStarter).toBe(true);
    });
  });
});
