import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedFileRecipes, recordGeneratedFile } from '../../src/core/letters/generated-file-recipe';
import { importLocalStore, looseReferences } from '../../src/core/team/import-local-store';
import { eventPayloadSchema } from '../../src/shared/schemas/events';
import type { MethodInput } from '../../src/shared/contract';
import {
  startContractSession,
  startTeamContractSession,
  testPassphrase,
  type ContractSession,
} from '../helpers/contract-session';
import { createTeamTestDatabase, type TeamPerson, type TeamTestDatabase } from '../helpers/team-database';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { sampleLetterDocument, sampleProfile } from '../letters/sample-letter';
import { addFile, makePdf } from '../vault/vault-helpers';

// Moving in rewrites the ids inside JSON columns as it rewrites the id columns: a letter's
// timeline entries name their filed document, a packet's recipe its enclosures, a candidate
// plan its providers. The team database already has rows, so every id shifts on the way in.

const newDataDirectory = useTemporaryDataDirectory();
let team: TeamTestDatabase;
let ada: TeamPerson;
let localFolder: string;

type PlanFields = Omit<MethodInput<'plans.add'>, 'clientId'>;
const noPlanFigures: Omit<PlanFields, 'name' | 'providerNetworks'> = {
  premiumMonthlyCents: null,
  deductibleCents: null,
  outOfPocketMaxCents: null,
  coinsurancePercent: null,
  copayCents: null,
  hasOutOfNetworkBenefit: false,
  outOfNetworkDeductibleCents: null,
  outOfNetworkOutOfPocketMaxCents: null,
  outOfNetworkCoinsurancePercent: null,
  isTreatmentExcluded: false,
  priorAuthNotes: null,
  exclusionNotes: null,
};

/** A case with documents, letters' timeline entries naming them, and a candidate plan naming providers. */
async function fillStore(session: ContractSession, prefix: string) {
  const { call } = session;
  const client = await call('clients.create', { fullName: `${prefix} Client`, state: 'CA' });
  const opened = await call('cases.create', { clientId: client.id, treatment: 'esketamine', payer: 'Aetna' });
  const fileOf = async (name: string) => {
    const added = await addFile(call, name, await makePdf([`${prefix} ${name}`]), { caseId: opened.id });
    return added.document!.id;
  };
  const appeal = await fileOf(`${prefix} appeal.pdf`);
  const enclosure = await fileOf(`${prefix} records.pdf`);
  const providers = [
    await call('providers.create', { name: `${prefix} Clinic`, kind: 'facility' }),
    await call('providers.create', { name: `${prefix} Psychiatrist`, kind: 'clinician' }),
  ];
  await call('events.add', {
    caseId: opened.id,
    event: {
      type: 'letter_drafted',
      occurredAt: '2026-11-02T15:00:00.000Z',
      summary: 'Appeal drafted',
      details: { letterTitle: `${prefix} appeal`, documentId: appeal, format: 'pdf' },
    },
  });
  await call('events.add', {
    caseId: opened.id,
    event: {
      type: 'letter_sent',
      occurredAt: '2026-11-03T15:00:00.000Z',
      summary: 'Records sent',
      details: { letterTitle: `${prefix} records`, documentId: enclosure, sentVia: 'fax' },
    },
  });
  await call('plans.add', {
    clientId: client.id,
    name: `${prefix} Silver`,
    ...noPlanFigures,
    providerNetworks: [
      { providerId: providers[1]!.id, status: 'in_network' },
      { providerId: providers[0]!.id, status: 'out_of_network' },
    ],
  });
  return { caseId: opened.id, appeal, enclosure };
}

beforeAll(async () => {
  team = await createTeamTestDatabase();
  ada = await team.addPerson('ada', 'navigator');
  // The team's own rows first, so the moved ones cannot keep their numbers.
  const teamSession = await startTeamContractSession(newDataDirectory(), ada.url);
  await fillStore(teamSession, 'Team');
  await fillStore(teamSession, 'Team second');
  await teamSession.close();

  localFolder = mkdtempSync(join(tmpdir(), 'advocase-local-'));
  const local = await startContractSession(localFolder);
  const { caseId, appeal, enclosure } = await fillStore(local, 'Local');
  // A letter sent, whose filed copy's recipe lays it out; a packet of it with the records enclosed.
  await local.call('profile.save', sampleProfile);
  const letter = await local.call('letters.create', { caseId, templateId: 'internal-appeal-first-level' });
  await local.call('letters.update', { letterId: letter.id, changes: { body: sampleLetterDocument } });
  const sent = await local.call('letters.markSent', {
    letterId: letter.id,
    sentVia: 'fax',
    sentAt: '2026-11-04T15:00:00.000Z',
  });
  await local.session.useStore(async ({ db }) => {
    const recipe = (await generatedFileRecipes(db, [sent.document.id])).get(sent.document.id)!;
    if (recipe.kind === 'submission_packet') throw new Error('A letter PDF was expected.');
    await recordGeneratedFile(db, appeal, letter.id, {
      kind: 'submission_packet',
      layout: recipe.layout,
      letterTitle: 'Local appeal',
      cover: {
        isFax: true,
        letterhead: recipe.layout.letterhead!,
        date: '2026-11-04',
        to: { name: 'Appeals', organization: 'Aetna', fax: '(859) 455-8650', phone: null },
        from: { name: 'Local advocate', organization: null, fax: null, phone: null },
        reLines: [],
        message: null,
      },
      enclosures: [{ id: enclosure, title: 'Local records', mediaType: 'pdf' }],
      footLabel: 'Local packet',
    });
  });
  // A letter entry naming a document deleted for good since.
  const gone = await addFile(local.call, 'Local gone.pdf', await makePdf(['gone']), { caseId });
  await local.call('events.add', {
    caseId,
    event: {
      type: 'letter_drafted',
      occurredAt: '2026-11-05T15:00:00.000Z',
      summary: 'Draft since deleted',
      details: { letterTitle: 'Local gone', documentId: gone.document!.id, format: 'pdf' },
    },
  });
  await local.call('vault.trash', { documentId: gone.document!.id });
  await local.call('vault.emptyTrash', {});
  await local.close();
}, 300_000);

afterAll(async () => {
  await team.drop();
  rmSync(localFolder, { recursive: true, force: true });
});

describe('advocase team import-local, ids inside JSON columns', () => {
  it('points every moved reference at the moved row, not at the team row that had its old number', async () => {
    await importLocalStore({ dataDirectory: localFolder, passphrase: testPassphrase, databaseUrl: ada.url });
    const client = await team.connect(ada.url);

    const events = await client.query<{ letter: string; file: string | null; document_id: unknown }>(`
      SELECT e.details::jsonb->>'letterTitle' AS letter, d.file_name AS file,
             e.details::jsonb->'documentId' AS document_id
        FROM events e JOIN cases c ON c.id = e.case_id JOIN clients cl ON cl.id = c.client_id
        LEFT JOIN documents d ON d.id = (e.details::jsonb->>'documentId')::bigint
       WHERE e.type IN ('letter_drafted', 'letter_sent') AND cl.full_name = 'Local Client'
       ORDER BY e.occurred_at`);
    expect(events.rows.map((row) => [row.letter, row.file, row.document_id === null])).toEqual([
      ['Local appeal', 'Local appeal.pdf', false],
      ['Local records', 'Local records.pdf', false],
      // markSent's own entry: its document is the PDF it filed.
      [expect.any(String), expect.stringMatching(/sent 2026-11-04\.pdf$/), false],
      // The document is gone: the entry names none, rather than whichever team row took its number.
      ['Local gone', null, true],
    ]);

    const packet = await client.query<{ file: string; enclosed: string }>(`
      SELECT d.file_name AS file, enclosed.file_name AS enclosed
        FROM generated_files g JOIN documents d ON d.id = g.document_id
        JOIN documents enclosed ON enclosed.id = (g.recipe::jsonb#>>'{enclosures,0,id}')::bigint
       WHERE g.kind = 'submission_packet'`);
    expect(packet.rows).toEqual([{ file: 'Local appeal.pdf', enclosed: 'Local records.pdf' }]);

    const networks = await client.query<{ plan: string; provider: string; status: string }>(`
      SELECT p.fields::jsonb->>'name' AS plan, pr.name AS provider, n->>'status' AS status
        FROM candidate_plans p, jsonb_array_elements(p.fields::jsonb->'providerNetworks') AS n
        JOIN providers pr ON pr.id = (n->>'providerId')::bigint
       ORDER BY p.id, pr.name`);
    expect(networks.rows.filter((row) => row.plan === 'Local Silver')).toEqual([
      { plan: 'Local Silver', provider: 'Local Clinic', status: 'out_of_network' },
      { plan: 'Local Silver', provider: 'Local Psychiatrist', status: 'in_network' },
    ]);
    // The team's own rows are untouched.
    expect(networks.rows.filter((row) => row.plan === 'Team Silver').map((row) => row.provider)).toEqual([
      'Team Clinic',
      'Team Psychiatrist',
    ]);
  }, 300_000);

  it('knows every id a timeline entry’s details can hold, so a new one is not moved stale', () => {
    const idKeys = eventPayloadSchema.options.flatMap((variant) =>
      Object.keys(variant.shape.details.shape).filter((key) => /Ids?$/.test(key)),
    );
    const listed = looseReferences['events.details']?.path ?? [];
    expect([...new Set(idKeys)].map((key) => [key])).toEqual([listed]);
  });
});
