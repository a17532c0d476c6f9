import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit/verify-audit-chain';
import { deriveSubkey } from '../../src/core/crypto/key-derivation';
import { tablesGoingWith } from '../../src/core/db/dependent-rows';
import { openEncryptedSqlite } from '../../src/core/db/sqlite/open-encrypted-sqlite';
import { dataFilePaths } from '../../src/core/storage/data-directory';
import { Keyring } from '../../src/core/crypto/keyring';
import { startContractSession, testPassphrase, type ContractSession } from '../helpers/contract-session';
import { useTemporaryDataDirectory } from '../helpers/temporary-data-directory';
import { runAdvocase } from '../helpers/run-cli-in-process';
import { addFile, makePdf } from '../vault/vault-helpers';

const newDataDirectory = useTemporaryDataDirectory();

/** In every text the purged client's records hold, so any copy left in the audit log shows. */
const marker = 'Purgemarker7Q';

/**
 * One client with a row in every table that references a client or a case, made through the
 * contract as the app would, each free-text field carrying the marker.
 */
async function clientWithEverything({ call }: ContractSession) {
  const client = await call('clients.create', {
    fullName: `Ines ${marker}`,
    dateOfBirth: '1971-04-05',
    state: 'TX',
  });
  await call('clients.addAuthorization', {
    clientId: client.id,
    kind: 'hipaa_authorization',
    signedOn: '2026-01-02',
    expiresOn: '2027-01-02',
    notes: `Signed at intake ${marker}`,
  });
  const opened = await call('cases.create', {
    clientId: client.id,
    treatment: 'esketamine',
    payer: 'Cigna',
    treatmentDetail: `Spravato ${marker}`,
  });
  const caseId = opened.id;
  const coverage = await call('coverages.create', {
    clientId: client.id,
    payer: 'Cigna',
    planType: 'employer-self-funded',
    memberId: `M${marker}`,
  });
  await call('cases.update', { caseId, changes: { coverageId: coverage.id, claimType: 'pre-service' } });
  const provider = await call('providers.create', { name: 'Hill Country TMS', kind: 'facility', npi: null });
  await call('providers.setNetworkStatus', {
    coverageId: coverage.id,
    providerId: provider.id,
    status: 'out_of_network',
    tier: null,
  });
  const denial = await call('events.add', {
    caseId,
    event: {
      type: 'payer_decision',
      occurredAt: '2026-11-10T15:00:00Z',
      summary: `Denied ${marker}`,
      details: { decision: 'denied', noticeDate: '2026-11-09', receivedOn: '2026-11-12' },
    },
  });
  await call('events.add', {
    caseId,
    event: {
      type: 'phone_call',
      occurredAt: '2026-11-13T15:00:00Z',
      summary: `Called Cigna ${marker}`,
      details: { repName: `Rep ${marker}`, followUp: { title: `Call back ${marker}`, dueOn: '2026-11-20' } },
    },
  });
  const deadlines = await call('deadlines.listForCase', { caseId });
  await call('deadlines.override', {
    caseId,
    deadlineKey: deadlines.deadlines[0]!.key,
    dueOn: '2027-01-15',
    reason: `Plan gives more time ${marker}`,
  });
  await call('deadlines.addPayerRequest', {
    caseId,
    kind: 'claim_file',
    sentOn: '2026-11-14',
    note: `Asked for the file ${marker}`,
  });
  // The document itself is the vault's, removed through the vault's own trash, not with the client.
  const document = await addFile(call, 'records.pdf', await makePdf([`Notes ${marker}`]), {
    caseId,
  });
  const documentId = document.document!.id;
  await call('vault.link', { documentId, target: { clientId: client.id } });
  await call('vault.link', { documentId, target: { eventId: denial.id } });
  await call('treatmentHistory.add', {
    clientId: client.id,
    trial: {
      kind: 'medication',
      name: `sertraline ${marker}`,
      drugClass: 'ssri',
      peakDose: '200 mg/day',
      startedOn: '2025-01-06',
      endedOn: '2025-03-31',
      weeksAtTherapeuticDose: 10,
      outcome: 'no_response',
      sourceDocumentId: documentId,
    },
  });
  await call('symptomScores.add', {
    clientId: client.id,
    score: {
      instrument: 'PHQ-9',
      score: 21,
      takenOn: '2026-03-28',
      sourceDocumentId: documentId,
      note: marker,
    },
  });
  await call('evidence.link', { caseId, itemKey: 'medical_records', documentId, note: `Notes ${marker}` });
  await call('evidence.setStatus', {
    caseId,
    itemKey: 'second_opinion',
    status: 'not_applicable',
    reason: `Not asked for ${marker}`,
  });
  await call('clinicalFacts.set', { caseId, key: 'psychosis_history', answer: 'no', note: marker });
  await call('criteria.chooseSetForCase', { caseId, setId: 'bcbs-ma-spravato' });
  await call('criteria.judgeCriterion', {
    caseId,
    setId: 'bcbs-ma-spravato',
    criterionId: 'structured-interview',
    status: 'met',
    documentId,
    note: `Page 2 ${marker}`,
  });
  const letter = await call('letters.create', { caseId, templateId: 'claim-file-request' });
  await call('letters.update', { letterId: letter.id, changes: { title: `Letter ${marker}` } });
  const { inputs } = await call('costs.getEstimate', { caseId });
  await call('costs.saveEstimateInputs', {
    caseId,
    inputs: {
      ...inputs,
      course: { inductionSessions: 6, maintenanceSessionsPerMonth: 1, maintenanceMonths: 6 },
    },
  });
  await call('plans.saveCourse', {
    clientId: client.id,
    plannedCourse: {
      course: { inductionSessions: 6, maintenanceSessionsPerMonth: 1, maintenanceMonths: 6 },
      prices: {
        inNetworkAllowedCents: 500_00,
        outOfNetworkChargeCents: 600_00,
        outOfNetworkAllowedCents: null,
        singleCaseAgreementRateCents: null,
        selfPayPriceCents: 450_00,
      },
    },
  });
  await call('plans.add', {
    clientId: client.id,
    name: `Bronze ${marker}`,
    premiumMonthlyCents: 300_00,
    deductibleCents: null,
    outOfPocketMaxCents: null,
    coinsurancePercent: null,
    copayCents: null,
    hasOutOfNetworkBenefit: false,
    outOfNetworkDeductibleCents: null,
    outOfNetworkOutOfPocketMaxCents: null,
    outOfNetworkCoinsurancePercent: null,
    isTreatmentExcluded: false,
    priorAuthNotes: marker,
    exclusionNotes: null,
    providerNetworks: [],
  });
  await call('funding.add', {
    caseId,
    optionType: 'payment_plan',
    programName: `Clinic plan ${marker}`,
    status: 'granted',
    amountGrantedCents: 50_000,
  });
  await call('funding.dismiss', { caseId, optionType: 'crowdfunding' });
  await call('tracks.setNote', {
    clientId: client.id,
    route: 'single_case_agreement',
    note: `SCA ${marker}`,
  });
  await call('time.add', {
    caseId,
    workedOn: '2026-03-02',
    minutes: 30,
    description: `Read denial ${marker}`,
  });
  await call('billing.setClientRate', { clientId: client.id, rateCents: 150_00 });
  await call('invoices.create', {
    clientId: client.id,
    from: '2026-03-01',
    to: '2026-03-31',
    issuedOn: '2026-04-01',
    fromName: 'Rivera Patient Advocacy LLC',
    fromAddress: '12 Elm Street\nAustin, TX 78701',
    // Remembered in the settings for the next invoice: the advocate's, not the client's.
    paymentTerms: 'Due in 30 days',
  });
  const resource = await call('resources.create', {
    name: 'Texas Department of Insurance',
    kind: 'state_insurance_department',
    state: 'tx',
  });
  await call('resources.linkToCase', { resourceId: resource.id, caseId, note: `Complaint ${marker}` });
  const notice = await call('denials.readDocument', { documentId, caseId });
  await call('denials.record', {
    caseId,
    documentId,
    noticeDate: '2026-03-02',
    receivedOn: '2026-03-04',
    referenceNumber: `Ref ${marker}`,
    reasonText: `Reason ${marker}`,
    reasonCategory: 'experimental-investigational',
    policyCited: null,
    denialCode: null,
    appealAddress: null,
    appealFax: null,
    appealPhone: null,
    statedWindow: null,
    noticeCheck: notice.noticeCheck,
  });
  return { clientId: client.id, caseId };
}

describe('emptying the trash', () => {
  it('blanks every audited copy of the purged client and everything of theirs, from every table that references a client or case', async () => {
    const dataDirectory = newDataDirectory();
    const contract = await startContractSession(dataDirectory);
    const { call, session } = contract;
    const purged = await clientWithEverything(contract);

    // The tables are read from the schema; a new table that references a client or a case and
    // gets no row above fails here, until this test (and so the purge's check) covers it.
    const referencing = await session.useStore(({ db }) => tablesGoingWith(db, ['clients', 'cases']));
    const emptyTables = await session.useStore(async ({ db }) => {
      const empty: string[] = [];
      for (const table of referencing) {
        const row = await db
          .selectFrom(table as 'clients')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        if (Number(row.n) === 0) empty.push(table);
      }
      return empty;
    });
    expect(emptyTables, 'tables that reference a client or case but get no row in this test').toEqual([]);
    expect(referencing.length).toBeGreaterThan(25);

    const audited = await session.useStore(async ({ db }) =>
      (await db.selectFrom('audit_log').select('table_name').distinct().execute())
        .map((row) => row.table_name)
        .filter((table) => referencing.includes(table)),
    );
    expect(audited.length).toBeGreaterThan(20);

    const kept = await call('clients.create', { fullName: 'Kept Client', dateOfBirth: null, state: null });
    const keptCase = await call('cases.create', { clientId: kept.id, treatment: 'tms', payer: 'Aetna' });
    await call('trash.moveClient', { clientId: purged.clientId });
    expect(await call('trash.empty', { isConfirmed: true })).toEqual({ clients: 1, cases: 1, events: 0 });

    await session.useStore(async ({ db }) => {
      const entries = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
      const holding = entries.filter((entry) => `${entry.before}${entry.after}`.includes(marker));
      expect(holding.map((entry) => `${entry.table_name} ${entry.action} ${entry.row_id}`)).toEqual([]);
      expect(entries.some((entry) => `${entry.before}${entry.after}`.includes('1971-04-05'))).toBe(false);
      // The kept client's history is untouched.
      const keptEntries = entries.filter(
        (entry) =>
          (entry.table_name === 'cases' && entry.row_id === keptCase.id) ||
          (entry.table_name === 'clients' && entry.row_id === kept.id),
      );
      expect(keptEntries.length).toBeGreaterThan(0);
      expect(keptEntries.every((entry) => entry.after !== null)).toBe(true);
      // The blanking is itself recorded: who, when, which records, how many entries.
      const blanking = entries.find((entry) => entry.action === 'blank')!;
      const recorded = JSON.parse(blanking.after!) as {
        deletedRecords: Record<string, number[]>;
        blanked: Record<string, number[]>;
        entries: number;
      };
      expect(blanking.actor).toBe('navigator');
      expect(recorded.deletedRecords).toEqual({ cases: [purged.caseId], clients: [purged.clientId] });
      expect(Object.keys(recorded.blanked)).toEqual(expect.arrayContaining(audited));
      expect(recorded.entries).toBe(entries.filter((entry) => entry.content_salt === null).length);
      expect(await verifyAuditChain(db)).toMatchObject({ isIntact: true, firstBroken: null });
    });
    const verified = await call('audit.verify', {});
    expect(verified.isIntact).toBe(true);
    expect(verified.message).toMatch(
      /^All [\d,]+ audit log entries check out \([\d,]+ blanked when their records were deleted for good/,
    );
    await session.lock();
  });
});

describe('the audit log', () => {
  async function openRaw(dataDirectory: string) {
    const paths = dataFilePaths(dataDirectory);
    const dataKey = await new Keyring(paths.keyring).openWithPassphrase(testPassphrase);
    return openEncryptedSqlite(paths.database, deriveSubkey(dataKey, 'database')).connection;
  }

  it('refuses to delete or rewrite an entry, and to blank one outside a purge', async () => {
    const dataDirectory = newDataDirectory();
    const { call, session } = await startContractSession(dataDirectory);
    await call('clients.create', { fullName: 'Ada Client', dateOfBirth: '1980-01-01', state: null });
    await session.lock();
    const raw = await openRaw(dataDirectory);
    expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/never deleted/);
    expect(() => raw.prepare(`UPDATE audit_log SET actor = 'someone else'`).run()).toThrow(/only be blanked/);
    expect(() =>
      raw.prepare('UPDATE audit_log SET before = NULL, after = NULL, content_salt = NULL').run(),
    ).toThrow(/only be blanked/);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO audit_log (actor, at, table_name, row_id, action) VALUES ('x', 'y', 'clients', 1, 'insert')`,
        )
        .run(),
    ).toThrow(/with their hashes/);
    raw.close();
  });

  it('names the first entry edited with SQL behind Advocase’s back, and the newest entries cut off', async () => {
    const dataDirectory = newDataDirectory();
    const { call, session } = await startContractSession(dataDirectory);
    const client = await call('clients.create', {
      fullName: 'Ada Client',
      dateOfBirth: '1980-01-01',
      state: null,
    });
    await call('clients.update', { clientId: client.id, changes: { state: 'CA' } });
    await call('clients.update', { clientId: client.id, changes: { state: 'NV' } });
    expect((await call('audit.verify', {})).isIntact).toBe(true);
    await session.lock();

    // Someone with the key drops the guard and edits the second entry's content.
    let raw = await openRaw(dataDirectory);
    const ids = (raw.prepare('SELECT id FROM audit_log ORDER BY id').all() as Array<{ id: number }>).map(
      (row) => row.id,
    );
    raw.exec('DROP TRIGGER audit_log_only_blanked');
    raw.prepare(`UPDATE audit_log SET after = replace(after, '"CA"', '"OR"') WHERE id = ?`).run(ids[1]);
    raw.close();
    await session.unlock(testPassphrase);
    const edited = await call('audit.verify', {});
    expect(edited.isIntact).toBe(false);
    expect(edited.firstBroken).toMatchObject({
      id: ids[1],
      problem: 'its content was changed after it was written.',
    });
    expect(edited.message).toBe(
      `The audit log has been tampered with: entry ${ids[1]}: its content was changed after it was written. The 1 entries before it check out.`,
    );
    await session.lock();

    // Or removes the newest entry, which no later link would show.
    raw = await openRaw(dataDirectory);
    raw.exec('DROP TRIGGER audit_log_never_deleted');
    raw.prepare(`UPDATE audit_log SET after = replace(after, '"OR"', '"CA"') WHERE id = ?`).run(ids[1]);
    const newest = (raw.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;
    raw.prepare('DELETE FROM audit_log WHERE id = ?').run(newest);
    raw.close();
    await session.unlock(testPassphrase);
    expect((await call('audit.verify', {})).firstBroken).toEqual({
      id: newest,
      at: null,
      problem: 'it was removed.',
    });
    await session.lock();
  });

  it('is checked by `advocase audit verify`: exit 0 when intact, 1 naming the entry after an edit, 2 for a typo', async () => {
    const dataDirectory = newDataDirectory();
    const { call, session } = await startContractSession(dataDirectory);
    await call('clients.create', { fullName: 'Ada Client', dateOfBirth: '1980-01-01', state: null });
    await session.lock();
    const env = { ADVOCASE_DATA_DIR: dataDirectory, ADVOCASE_PASSPHRASE: testPassphrase };
    const intact = await runAdvocase(['audit', 'verify'], env);
    expect(intact).toMatchObject({ code: 0, stdout: 'All 2 audit log entries check out.\n' });

    const raw = await openRaw(dataDirectory);
    raw.exec('DROP TRIGGER audit_log_only_blanked');
    raw.prepare(`UPDATE audit_log SET actor = 'someone else' WHERE id = 1`).run();
    raw.close();
    const edited = await runAdvocase(['audit', 'verify'], env);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toBe(
      'The audit log has been tampered with: entry 1: it was changed, or an entry before it was removed. The 0 entries before it check out.\n',
    );
    expect((await runAdvocase(['audit', 'check'], env)).code).toBe(2);
  });
});
