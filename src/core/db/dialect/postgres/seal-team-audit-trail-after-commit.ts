import { CompiledQuery, PostgresDialect, PostgresDriver, type DatabaseConnection, type Driver } from 'kysely';
import type { PostgresDialectConfig } from 'kysely';
import { logger } from '../../../logging/logger';

/** The database function that links a team's committed audit entries into the chain (migration 0196). */
export const sealTeamAuditTrailFunction = 'advocase_team_seal_audit_trail';

/** The one that links the app's own audit log's committed entries into its chain (migration 0208). */
export const sealAuditLogFunction = 'advocase_team_seal_audit_log';

/** What runs after each commit (0208): both seals, and the caseload's change marks folded into their count. */
export const afterCommitFunction = 'advocase_team_after_commit';

const afterCommitQuery = CompiledQuery.raw(`SELECT ${afterCommitFunction}()`);
// undefined_function: a database whose chain has not reached 0208 yet (during its own migration).
const notThereYet = '42883';

/**
 * Commits, then seals the audit entries the transaction left, the team's trail and the app's own
 * log (docs/team-mode.md, "The audit trail"), and folds the caseload's change marks into their
 * count, so both chains are up to date as soon as a save returns, with no lock held while the
 * transaction ran. This is outside the transaction, so it never undoes or delays a commit: when
 * another copy is sealing already, it returns at once and that copy or the next commit takes these
 * entries; when it fails, the entries wait for the next sealing and the failure is logged.
 */
class SealingPostgresDriver extends PostgresDriver {
  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await super.commitTransaction(connection);
    try {
      await connection.executeQuery(afterCommitQuery);
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'unknown';
      if (code !== notThereYet) logger.warn('team.audit_seal_failed', { code });
    }
  }
}

/** Kysely's PostgreSQL dialect with the sealing driver. */
export class TeamAuditSealingDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new SealingPostgresDriver(this.#config);
  }
}
