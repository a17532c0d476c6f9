/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import type { Kysely } from 'kysely';

/**
 * Undo's own bookkeeping beside the append-only audit log: which runs of audit entries form one
 * edit the user made (a client moved to the trash with its cases), which were undone, and which
 * were written by an undo (so that a second Ctrl+Z goes further back instead of redoing).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('edit_groups')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('label', 'text', (column) => column.notNull())
    .addColumn('first_audit_id', 'integer', (column) => column.notNull())
    .addColumn('last_audit_id', 'integer', (column) => column.notNull())
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema
    .createIndex('edit_groups_last_audit_id')
    .on('edit_groups')
    .columns(['last_audit_id', 'first_audit_id'])
    .execute();
  // Undo reads an actor's newest entries first.
  await db.schema.createIndex('audit_log_actor_id').on('audit_log').columns(['actor', 'id']).execute();
}
