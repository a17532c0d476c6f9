import type { AuditLogTable } from './tables/audit-log';
import type { CasesTable } from './tables/cases';
import type { ClientsTable } from './tables/clients';
import type { EventsTable } from './tables/events';
import type { SettingsTable } from './tables/settings';

/** The database as Kysely sees it once every migration has run. */
export type AdvocaseDatabase = {
  clients: ClientsTable;
  cases: CasesTable;
  events: EventsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
};
