import { sql, type Kysely } from 'kysely';
import { createBaselineUpkeep } from './0101-baseline-upkeep';

/**
 * The PostgreSQL chain's baseline: the whole schema as the SQLite chain's head (0101) leaves it,
 * in one step, since a team database starts empty in today's shape (docs/architecture.md, "two
 * chains, checked to match"). Same tables, columns, nullability, defaults and keys; SQLite's
 * integer is bigint here (64 bits, as SQLite's), real is double precision, blob is bytea, and an
 * autoincrement key is an identity column. Tables are created in the order their foreign keys
 * need. Indexes are those of the SQLite chain, the caseload's sort indexes with empty values first
 * (null-ordering.ts: the order both engines sort in, which an index must match to serve it); then
 * the search tables and the triggers that keep
 * the derived tables (0101-baseline-upkeep.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Trusted extensions: the database's owner may create them (PostgreSQL 13+).
  await sql`CREATE EXTENSION IF NOT EXISTS citext`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await db.schema
    .createTable('clients')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('full_name', 'text', (column) => column.notNull())
    .addColumn('date_of_birth', 'text')
    .addColumn('state', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('preferred_language', 'text')
    .addColumn('notes', 'text')
    .addColumn('deleted_at', 'text')
    .addColumn('tags', 'text', (column) => column.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createTable('cases')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('client_id', 'bigint', (column) =>
      column.notNull().references('clients.id').onDelete('restrict'),
    )
    .addColumn('treatment', 'text', (column) => column.notNull())
    .addColumn('treatment_detail', 'text')
    .addColumn('payer', 'text')
    .addColumn('stage', 'text', (column) => column.notNull())
    .addColumn('priority', 'text', (column) => column.notNull().defaultTo('normal'))
    .addColumn('opened_on', 'text', (column) => column.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('coverage_id', 'bigint')
    .addColumn('provider_id', 'bigint')
    .addColumn('claim_type', 'text')
    .addColumn('assigned_advocate', 'text')
    .addColumn('outcome', 'text')
    .addColumn('billed_cents', 'bigint')
    .addColumn('allowed_cents', 'bigint')
    .addColumn('paid_cents', 'bigint')
    .addColumn('saved_cents', 'bigint')
    .addColumn('deleted_at', 'text')
    .addColumn('is_urgent', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('procedure_codes', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('diagnosis_codes', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('stage_source', 'text', (column) => column.notNull().defaultTo('hand'))
    .addColumn('stage_kept_against_event_id', 'bigint')
    .addColumn('closing_deadlines', 'text')
    .execute();
  await db.schema
    .createTable('events')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('occurred_at', 'text', (column) => column.notNull())
    .addColumn('summary', 'text', (column) => column.notNull())
    .addColumn('details', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('table_name', 'text', (column) => column.notNull())
    .addColumn('row_id', 'bigint', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('content_salt', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('entry_hash', 'text')
    .execute();
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('value', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('authorizations')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('client_id', 'bigint', (column) =>
      column.notNull().references('clients.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('signed_on', 'text', (column) => column.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('coverages')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('client_id', 'bigint', (column) =>
      column.notNull().references('clients.id').onDelete('cascade'),
    )
    .addColumn('payer', 'text', (column) => column.notNull())
    .addColumn('plan_name', 'text')
    .addColumn('plan_type', 'text', (column) => column.notNull())
    .addColumn('member_id', 'text')
    .addColumn('group_number', 'text')
    .addColumn('effective_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('network_type', 'text')
    .addColumn('deductible_cents', 'bigint')
    .addColumn('deductible_met_cents', 'bigint')
    .addColumn('out_of_pocket_max_cents', 'bigint')
    .addColumn('out_of_pocket_met_cents', 'bigint')
    .addColumn('copay_cents', 'bigint')
    .addColumn('coinsurance_percent', 'double precision')
    .addColumn('prior_auth_rules', 'text')
    .addColumn('exclusions', 'text')
    .addColumn('payer_phone', 'text')
    .addColumn('payer_fax', 'text')
    .addColumn('portal_url', 'text')
    .addColumn('appeals_address', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('providers')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('npi', 'text')
    .addColumn('specialty', 'text')
    .addColumn('phone', 'text')
    .addColumn('fax', 'text')
    .addColumn('address', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('provider_networks')
    .addColumn('coverage_id', 'bigint', (column) =>
      column.notNull().references('coverages.id').onDelete('cascade'),
    )
    .addColumn('provider_id', 'bigint', (column) =>
      column.notNull().references('providers.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('tier', 'text')
    .addColumn('referral_required', 'bigint', (column) => column.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('provider_networks_pk', ['coverage_id', 'provider_id'])
    .execute();
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('due_on', 'text')
    .addColumn('done_at', 'text')
    .addColumn('source_event_id', 'bigint', (column) => column.references('events.id').onDelete('set null'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('caseload_views')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (column) => column.notNull().unique())
    .addColumn('definition', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('caseload_entries')
    .addColumn('case_id', 'bigint', (column) => column.primaryKey())
    .addColumn('client_id', 'bigint', (column) => column.notNull())
    // SQLite's `collate nocase` columns: citext compares and sorts them ignoring case too.
    .addColumn('client_name', sql`citext`, (column) => column.notNull())
    .addColumn('treatment', 'text', (column) => column.notNull())
    .addColumn('treatment_detail', sql`citext`)
    .addColumn('payer', sql`citext`)
    .addColumn('plan_type', 'text')
    .addColumn('stage', 'text', (column) => column.notNull())
    .addColumn('stage_rank', 'bigint', (column) => column.notNull())
    .addColumn('priority', 'text', (column) => column.notNull())
    .addColumn('priority_rank', 'bigint', (column) => column.notNull())
    .addColumn('is_urgent', 'bigint', (column) => column.notNull())
    .addColumn('assigned_advocate', 'text')
    .addColumn('opened_on', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('quick_filter_text', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('next_due_on', 'text')
    .addColumn('overdue_count', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('evidence_readiness', 'bigint', (column) => column.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('vault_blobs')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('storage_id', 'text', (column) => column.notNull().unique())
    .addColumn('plaintext_sha256', 'text', (column) => column.notNull().unique())
    .addColumn('size_bytes', 'bigint', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('documents')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('blob_id', 'bigint', (column) =>
      column.notNull().references('vault_blobs.id').onDelete('restrict'),
    )
    .addColumn('file_name', 'text', (column) => column.notNull())
    .addColumn('media_type', 'text', (column) => column.notNull())
    .addColumn('document_type', 'text', (column) => column.notNull())
    .addColumn('suggested_type', 'text', (column) => column.notNull())
    .addColumn('is_type_confirmed', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('document_date', 'text')
    .addColumn('source', 'text')
    .addColumn('page_count', 'bigint')
    .addColumn('tags', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('text_status', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('text_confidence', 'bigint')
    .addColumn('text_recognised_at', 'text')
    .execute();
  await db.schema
    .createTable('document_cases')
    .addColumn('document_id', 'bigint', (column) =>
      column.notNull().references('documents.id').onDelete('cascade'),
    )
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('document_cases_pk', ['document_id', 'case_id'])
    .execute();
  await db.schema
    .createTable('document_clients')
    .addColumn('document_id', 'bigint', (column) =>
      column.notNull().references('documents.id').onDelete('cascade'),
    )
    .addColumn('client_id', 'bigint', (column) =>
      column.notNull().references('clients.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('document_clients_pk', ['document_id', 'client_id'])
    .execute();
  await db.schema
    .createTable('document_events')
    .addColumn('document_id', 'bigint', (column) =>
      column.notNull().references('documents.id').onDelete('cascade'),
    )
    .addColumn('event_id', 'bigint', (column) => column.notNull().references('events.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('document_events_pk', ['document_id', 'event_id'])
    .execute();
  await db.schema
    .createTable('edit_groups')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('label', 'text', (column) => column.notNull())
    .addColumn('first_audit_id', 'bigint', (column) => column.notNull())
    .addColumn('last_audit_id', 'bigint', (column) => column.notNull())
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema
    .createTable('import_mappings')
    .addColumn('source_key', 'text', (column) => column.primaryKey())
    .addColumn('mapping', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('value_mappings', 'text', (column) => column.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .createTable('case_deadlines')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('deadline_key', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('rule', 'text', (column) => column.notNull())
    .addColumn('source_event_id', 'bigint')
    .addColumn('computed_due', 'text', (column) => column.notNull())
    .addColumn('due_on', 'text', (column) => column.notNull())
    .addColumn('due_at', 'text')
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('citation_url', 'text', (column) => column.notNull())
    .addColumn('citation_text', 'text', (column) => column.notNull())
    .addColumn('note', 'text', (column) => column.notNull())
    .addColumn('confidence', 'text', (column) => column.notNull())
    .addColumn('computed_at', 'text', (column) => column.notNull())
    .addColumn('answered_on', 'text')
    .addUniqueConstraint('case_deadlines_case_key', ['case_id', 'deadline_key'])
    .execute();
  await db.schema
    .createTable('case_deadline_summaries')
    .addColumn('case_id', 'bigint', (column) =>
      column.primaryKey().references('cases.id').onDelete('cascade'),
    )
    .addColumn('next_due_on', 'text')
    .addColumn('next_rule', 'text')
    .addColumn('overdue_count', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('missing_facts', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('assumptions', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('time_zone', 'text', (column) => column.notNull())
    .addColumn('as_of', 'text', (column) => column.notNull())
    .addColumn('computed_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('deadline_adjustments')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('deadline_key', 'text', (column) => column.notNull())
    .addColumn('override_due_on', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_event_id', 'bigint', (column) => column.references('events.id').onDelete('set null'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('deadline_adjustments_case_key', ['case_id', 'deadline_key'])
    .execute();
  await db.schema
    .createTable('payer_requests')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('sent_on', 'text', (column) => column.notNull())
    .addColumn('answered_on', 'text')
    .addColumn('note', 'text')
    .addColumn('event_id', 'bigint', (column) => column.references('events.id').onDelete('set null'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('treatment_trials')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('client_id', 'bigint', (column) =>
      column.notNull().references('clients.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('drug_class', 'text')
    .addColumn('peak_dose', 'text')
    .addColumn('started_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('weeks_at_therapeutic_dose', 'double precision')
    .addColumn('is_dose_adequate', 'bigint')
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('is_in_current_episode', 'bigint')
    .addColumn('notes', 'text')
    .addColumn('source_document_id', 'bigint', (column) =>
      column.references('documents.id').onDelete('set null'),
    )
    .addColumn('source_event_id', 'bigint', (column) => column.references('events.id').onDelete('set null'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createTable('symptom_scores')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('client_id', 'bigint', (column) =>
      column.notNull().references('clients.id').onDelete('cascade'),
    )
    .addColumn('instrument', 'text', (column) => column.notNull())
    .addColumn('score', 'bigint', (column) => column.notNull())
    .addColumn('taken_on', 'text', (column) => column.notNull())
    .addColumn('note', 'text')
    .addColumn('source_document_id', 'bigint', (column) =>
      column.references('documents.id').onDelete('set null'),
    )
    .addColumn('source_event_id', 'bigint', (column) => column.references('events.id').onDelete('set null'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createTable('case_clinical_facts')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('fact_key', 'text', (column) => column.notNull())
    .addColumn('answer', 'text', (column) => column.notNull())
    .addColumn('note', 'text')
    .addColumn('source_document_id', 'bigint', (column) =>
      column.references('documents.id').onDelete('set null'),
    )
    .addColumn('source_event_id', 'bigint', (column) => column.references('events.id').onDelete('set null'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .addUniqueConstraint('case_clinical_facts_case_key', ['case_id', 'fact_key'])
    .execute();
  await db.schema
    .createTable('evidence_links')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (column) => column.notNull())
    .addColumn('document_id', 'bigint', (column) => column.references('documents.id').onDelete('cascade'))
    .addColumn('event_id', 'bigint', (column) => column.references('events.id').onDelete('cascade'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .addCheckConstraint('evidence_links_one_target', sql`(document_id IS NULL) <> (event_id IS NULL)`)
    .execute();
  await db.schema
    .createTable('evidence_item_statuses')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .addUniqueConstraint('evidence_item_statuses_case_key', ['case_id', 'item_key'])
    .execute();
  await db.schema
    .createTable('case_evidence_summaries')
    .addColumn('case_id', 'bigint', (column) =>
      column.primaryKey().references('cases.id').onDelete('cascade'),
    )
    .addColumn('readiness_percent', 'bigint', (column) => column.notNull())
    .addColumn('done_count', 'bigint', (column) => column.notNull())
    .addColumn('partial_count', 'bigint', (column) => column.notNull())
    .addColumn('applicable_count', 'bigint', (column) => column.notNull())
    .addColumn('computed_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('criteria_sets')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('definition', 'text', (column) => column.notNull())
    .addColumn('based_on', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('evidence_pack_edits')
    .addColumn('treatment', 'text', (column) => column.primaryKey())
    .addColumn('pack', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('case_criteria_choices')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) =>
      column.notNull().unique().references('cases.id').onDelete('cascade'),
    )
    .addColumn('set_id', 'text', (column) => column.notNull())
    .addColumn('policy_name', 'text', (column) => column.notNull())
    .addColumn('policy_number', 'text')
    .addColumn('policy_date', 'text')
    .addColumn('source_url', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('case_criterion_judgements')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('set_id', 'text', (column) => column.notNull())
    .addColumn('criterion_id', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('document_id', 'bigint', (column) => column.references('documents.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('case_criterion_judgements_key', ['case_id', 'set_id', 'criterion_id'])
    .execute();
  await db.schema
    .createTable('letter_templates')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('template_key', 'text', (column) => column.notNull().unique())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('letters')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('template_id', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('enclosure_document_ids', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('draft'))
    .addColumn('sent_on', 'text')
    .addColumn('sent_via', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createTable('case_cost_estimates')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) =>
      column.notNull().unique().references('cases.id').onDelete('cascade'),
    )
    .addColumn('coverage_id', 'bigint', (column) => column.references('coverages.id').onDelete('set null'))
    .addColumn('inputs', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('plan_comparisons')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('client_id', 'bigint', (column) =>
      column.notNull().unique().references('clients.id').onDelete('cascade'),
    )
    .addColumn('planned_course', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('candidate_plans')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('client_id', 'bigint', (column) =>
      column.notNull().references('clients.id').onDelete('cascade'),
    )
    .addColumn('fields', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('funding_options')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('option_type', 'text', (column) => column.notNull())
    .addColumn('program_name', 'text', (column) => column.notNull())
    .addColumn('eligibility_notes', 'text')
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('apply_by', 'text')
    .addColumn('applied_on', 'text')
    .addColumn('response_expected_on', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('renewal_on', 'text')
    .addColumn('amount_requested_cents', 'bigint', (column) =>
      column.check(sql`amount_requested_cents is null or amount_requested_cents >= 0`),
    )
    .addColumn('amount_granted_cents', 'bigint', (column) =>
      column.check(sql`amount_granted_cents is null or amount_granted_cents >= 0`),
    )
    .addColumn('document_ids', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('next_step', 'text')
    .addColumn('next_step_on', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createTable('funding_dismissals')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('option_type', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('funding_dismissals_case_type', ['case_id', 'option_type'])
    .execute();
  await db.schema
    .createTable('parallel_track_notes')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('client_id', 'bigint', (column) =>
      column.notNull().references('clients.id').onDelete('cascade'),
    )
    .addColumn('route', 'text', (column) => column.notNull())
    .addColumn('status', 'text')
    .addColumn('note', 'text')
    .addColumn('next_step', 'text')
    .addColumn('next_step_on', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('parallel_track_notes_client_route', ['client_id', 'route'])
    .execute();
  await db.schema
    .createTable('invoices')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('number', 'text', (column) => column.notNull().unique())
    .addColumn('client_id', 'bigint', (column) =>
      column.notNull().references('clients.id').onDelete('cascade'),
    )
    .addColumn('period_from', 'text', (column) => column.notNull())
    .addColumn('period_to', 'text', (column) => column.notNull())
    .addColumn('issued_on', 'text', (column) => column.notNull())
    .addColumn('due_on', 'text')
    .addColumn('payment_terms', 'text', (column) => column.notNull())
    .addColumn('increment_minutes', 'bigint', (column) => column.notNull())
    .addColumn('total_cents', 'bigint', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('from_name', 'text', (column) => column.notNull())
    .addColumn('from_address', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('time_entries')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('worked_on', 'text', (column) => column.notNull())
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('minutes', 'bigint')
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('is_billable', 'bigint', (column) => column.notNull().defaultTo(1))
    .addColumn('rate_cents', 'bigint')
    .addColumn('invoice_id', 'bigint', (column) => column.references('invoices.id').onDelete('set null'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createTable('client_rates')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('client_id', 'bigint', (column) =>
      column.notNull().unique().references('clients.id').onDelete('cascade'),
    )
    .addColumn('rate_cents', 'bigint')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('resources')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('state', 'text')
    .addColumn('website', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('notes', 'text')
    .addColumn('tags', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('source_url', 'text')
    .addColumn('needs_verification', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('starter_key', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createTable('resource_cases')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('resource_id', 'bigint', (column) =>
      column.notNull().references('resources.id').onDelete('cascade'),
    )
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .addUniqueConstraint('resource_cases_pair', ['resource_id', 'case_id'])
    .execute();
  await db.schema
    .createTable('generated_files')
    .addColumn('document_id', 'bigint', (column) =>
      column.primaryKey().references('documents.id').onDelete('cascade'),
    )
    .addColumn('letter_id', 'bigint', (column) => column.references('letters.id').onDelete('set null'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('recipe', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('case_denial_notices')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'bigint', (column) => column.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('event_id', 'bigint', (column) => column.notNull().references('events.id').onDelete('cascade'))
    .addColumn('document_id', 'bigint', (column) => column.references('documents.id').onDelete('set null'))
    .addColumn('reference_number', 'text')
    .addColumn('reason_text', 'text')
    .addColumn('reason_category', 'text')
    .addColumn('policy_cited', 'text')
    .addColumn('denial_code', 'text')
    .addColumn('stated_window', 'text')
    .addColumn('plan_type', 'text', (column) => column.notNull())
    .addColumn('notice_check', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createTable('caseload_stage_counts')
    .addColumn('stage_rank', 'bigint', (column) => column.primaryKey())
    .addColumn('total', 'bigint', (column) => column.notNull())
    .execute();
  await sql`CREATE INDEX clients_in_trash ON clients (deleted_at) WHERE deleted_at IS NOT NULL`.execute(db);
  await db.schema.createIndex('cases_client_id').on('cases').columns(['client_id']).execute();
  await db.schema.createIndex('cases_stage').on('cases').columns(['stage']).execute();
  await db.schema.createIndex('cases_payer').on('cases').columns(['payer']).execute();
  await db.schema.createIndex('cases_opened_on').on('cases').columns(['opened_on']).execute();
  await db.schema.createIndex('cases_coverage_id').on('cases').columns(['coverage_id']).execute();
  await db.schema.createIndex('cases_assigned_advocate').on('cases').columns(['assigned_advocate']).execute();
  await sql`CREATE INDEX cases_in_trash ON cases (deleted_at) WHERE deleted_at IS NOT NULL`.execute(db);
  await db.schema.createIndex('cases_closed_on').on('cases').columns(['closed_on']).execute();
  await db.schema
    .createIndex('events_case_id_occurred_at')
    .on('events')
    .columns(['case_id', 'occurred_at'])
    .execute();
  await sql`CREATE INDEX events_in_trash ON events (deleted_at) WHERE deleted_at IS NOT NULL`.execute(db);
  await db.schema
    .createIndex('events_by_type_occurred_at')
    .on('events')
    .columns(['type', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('audit_log_table_row')
    .on('audit_log')
    .columns(['table_name', 'row_id'])
    .execute();
  await db.schema.createIndex('audit_log_actor_id').on('audit_log').columns(['actor', 'id']).execute();
  await sql`CREATE INDEX audit_log_blankings ON audit_log (id) WHERE action = 'blank'`.execute(db);
  await db.schema
    .createIndex('authorizations_client_id')
    .on('authorizations')
    .columns(['client_id'])
    .execute();
  await db.schema.createIndex('coverages_client_id').on('coverages').columns(['client_id']).execute();
  await db.schema.createIndex('coverages_member_id').on('coverages').columns(['member_id']).execute();
  await db.schema.createIndex('tasks_case_id').on('tasks').columns(['case_id']).execute();
  await db.schema.createIndex('tasks_due_on').on('tasks').columns(['due_on']).execute();
  await db.schema
    .createIndex('caseload_entries_client')
    .on('caseload_entries')
    .columns(['client_id'])
    .execute();
  await sql`CREATE INDEX caseload_entries_by_client_name ON caseload_entries (client_name NULLS FIRST, case_id)`.execute(
    db,
  );
  await sql`CREATE INDEX caseload_entries_by_treatment ON caseload_entries (treatment NULLS FIRST, case_id)`.execute(
    db,
  );
  await sql`CREATE INDEX caseload_entries_by_payer ON caseload_entries (payer NULLS FIRST, case_id)`.execute(
    db,
  );
  await sql`CREATE INDEX caseload_entries_by_plan_type ON caseload_entries (plan_type NULLS FIRST, case_id)`.execute(
    db,
  );
  await sql`CREATE INDEX caseload_entries_by_stage_rank ON caseload_entries (stage_rank NULLS FIRST, case_id)`.execute(
    db,
  );
  await sql`CREATE INDEX caseload_entries_by_priority_rank ON caseload_entries (priority_rank NULLS FIRST, case_id)`.execute(
    db,
  );
  await sql`CREATE INDEX caseload_entries_by_assigned_advocate ON caseload_entries (assigned_advocate NULLS FIRST, case_id)`.execute(
    db,
  );
  await sql`CREATE INDEX caseload_entries_by_opened_on ON caseload_entries (opened_on NULLS FIRST, case_id)`.execute(
    db,
  );
  await sql`CREATE INDEX caseload_entries_by_updated_at ON caseload_entries (updated_at NULLS FIRST, case_id)`.execute(
    db,
  );
  await db.schema
    .createIndex('caseload_entries_count_payer')
    .on('caseload_entries')
    .columns(['payer', 'stage_rank'])
    .execute();
  await db.schema
    .createIndex('caseload_entries_count_plan_type')
    .on('caseload_entries')
    .columns(['plan_type', 'stage_rank'])
    .execute();
  await db.schema
    .createIndex('caseload_entries_count_treatment')
    .on('caseload_entries')
    .columns(['treatment', 'stage_rank'])
    .execute();
  await db.schema
    .createIndex('caseload_entries_count_advocate')
    .on('caseload_entries')
    .columns(['assigned_advocate', 'stage_rank'])
    .execute();
  await db.schema
    .createIndex('caseload_entries_count_priority')
    .on('caseload_entries')
    .columns(['priority_rank', 'is_urgent', 'stage_rank'])
    .execute();
  await db.schema
    .createIndex('caseload_entries_count_quick_filter')
    .on('caseload_entries')
    .columns(['quick_filter_text', 'stage_rank'])
    .execute();
  await sql`CREATE INDEX caseload_entries_by_next_deadline ON caseload_entries (coalesce(next_due_on, '9999-12-31'), case_id)`.execute(
    db,
  );
  await sql`CREATE INDEX caseload_entries_by_next_deadline_desc ON caseload_entries (coalesce(next_due_on, '0000-00-00'), case_id)`.execute(
    db,
  );
  await sql`CREATE INDEX caseload_entries_by_evidence_readiness ON caseload_entries (evidence_readiness NULLS FIRST, case_id)`.execute(
    db,
  );
  await db.schema.createIndex('documents_blob_id').on('documents').columns(['blob_id']).execute();
  await db.schema.createIndex('documents_deleted_at').on('documents').columns(['deleted_at']).execute();
  await db.schema.createIndex('document_cases_case_id').on('document_cases').columns(['case_id']).execute();
  await db.schema
    .createIndex('document_clients_client_id')
    .on('document_clients')
    .columns(['client_id'])
    .execute();
  await db.schema
    .createIndex('document_events_event_id')
    .on('document_events')
    .columns(['event_id'])
    .execute();
  await db.schema
    .createIndex('edit_groups_last_audit_id')
    .on('edit_groups')
    .columns(['last_audit_id', 'first_audit_id'])
    .execute();
  await db.schema
    .createIndex('case_deadlines_by_due')
    .on('case_deadlines')
    .columns(['due_on', 'case_id'])
    .execute();
  await db.schema
    .createIndex('case_deadline_summaries_next_due')
    .on('case_deadline_summaries')
    .columns(['next_due_on', 'case_id'])
    .execute();
  await sql`CREATE INDEX "case_deadline_summaries_overdue" on "case_deadline_summaries" ("case_id") where overdue_count > 0`.execute(
    db,
  );
  await db.schema.createIndex('payer_requests_case_id').on('payer_requests').columns(['case_id']).execute();
  await db.schema
    .createIndex('treatment_trials_client')
    .on('treatment_trials')
    .columns(['client_id'])
    .execute();
  await db.schema
    .createIndex('symptom_scores_client')
    .on('symptom_scores')
    .columns(['client_id', 'taken_on'])
    .execute();
  await db.schema
    .createIndex('evidence_links_case')
    .on('evidence_links')
    .columns(['case_id', 'item_key'])
    .execute();
  await db.schema
    .createIndex('evidence_links_document')
    .on('evidence_links')
    .columns(['document_id'])
    .execute();
  await db.schema.createIndex('evidence_links_event').on('evidence_links').columns(['event_id']).execute();
  await db.schema.createIndex('letters_case_id').on('letters').columns(['case_id', 'updated_at']).execute();
  await db.schema
    .createIndex('candidate_plans_by_client')
    .on('candidate_plans')
    .columns(['client_id'])
    .execute();
  await db.schema.createIndex('funding_options_case_id').on('funding_options').columns(['case_id']).execute();
  await sql`CREATE INDEX "funding_options_granted" on "funding_options" ("case_id", "amount_granted_cents") where status = 'granted'`.execute(
    db,
  );
  await db.schema
    .createIndex('invoices_by_client')
    .on('invoices')
    .columns(['client_id', 'issued_on'])
    .execute();
  await db.schema
    .createIndex('time_entries_by_case')
    .on('time_entries')
    .columns(['case_id', 'worked_on'])
    .execute();
  await db.schema.createIndex('time_entries_by_day').on('time_entries').columns(['worked_on']).execute();
  await db.schema.createIndex('time_entries_by_invoice').on('time_entries').columns(['invoice_id']).execute();
  await sql`CREATE UNIQUE INDEX time_entries_one_running on time_entries ((ended_at is null)) where started_at is not null and ended_at is null and deleted_at is null`.execute(
    db,
  );
  await db.schema.createIndex('resources_by_name').on('resources').columns(['name']).execute();
  await db.schema.createIndex('resource_cases_by_case').on('resource_cases').columns(['case_id']).execute();
  await db.schema
    .createIndex('generated_files_by_letter')
    .on('generated_files')
    .columns(['letter_id'])
    .execute();
  await db.schema
    .createIndex('case_denial_notices_by_case')
    .on('case_denial_notices')
    .columns(['case_id', 'deleted_at'])
    .execute();
  await createBaselineUpkeep(db);
}
