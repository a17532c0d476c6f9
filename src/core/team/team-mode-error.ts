/**
 * What went wrong setting up, reaching or using a team database, said so the person can fix it: the server
 * unreachable (with the address tried), TLS, the password, the login not allowed in, the
 * database not set up for team mode, or something only an admin may do.
 */
export class TeamModeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamModeError';
  }
}

type PgFailure = { code?: string; message?: string };

const unreachableCodes = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'ECONNRESET',
  'EAI_AGAIN',
];

const tlsCodes = [
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
];

export const notSetUpMessage =
  'This database is not set up for team mode yet: run advocase team init with the owner’s connection.';

/** Where a URL points, as `host:port`, for messages (never the password). */
export function addressOf(url: URL): string {
  return `${url.hostname || 'localhost'}:${url.port || '5432'}`;
}

/** A team database failure as a TeamModeError, or the error itself when it is none of these. */
export function describeTeamDatabaseFailure(error: unknown, url: URL): unknown {
  if (error instanceof TeamModeError) return error;
  const { code, message = '' } = (error ?? {}) as PgFailure;
  const user = decodeURIComponent(url.username) || 'this user';
  const database = decodeURIComponent(url.pathname.slice(1)) || user;
  if (code && unreachableCodes.includes(code)) {
    return new TeamModeError(
      `Cannot reach the PostgreSQL server at ${addressOf(url)} (${code}). Check the address and port, and that the server is running and lets this computer connect.`,
    );
  }
  if ((code && tlsCodes.includes(code)) || /SSL|TLS|certificate/i.test(message)) {
    return new TeamModeError(
      `The secure (TLS) connection to ${addressOf(url)} failed: ${message}. With sslmode=verify-full, give the server's CA certificate (sslrootcert=…) and use the host name its certificate names.`,
    );
  }
  switch (code) {
    case '28P01':
      return new TeamModeError(
        `The server at ${addressOf(url)} refused the password for ${user}. Check the password (an admin can set a new one).`,
      );
    case '28000':
      return new TeamModeError(
        `The server at ${addressOf(url)} does not let ${user} connect (${message}). A disabled team member can no longer connect; ask an admin.`,
      );
    case '3D000':
      return new TeamModeError(
        `There is no database ${database} on ${addressOf(url)}. Check the database name in the address, or create it first.`,
      );
    case '42P01':
    case '42883':
      return new TeamModeError(notSetUpMessage);
    case '42501':
      return new TeamModeError(
        /permission denied for function advocase_team_(add_member|set_role|disable_member)/.test(message)
          ? `${user} is not an admin of this team: only an admin can manage people.`
          : /permission denied/.test(message)
            ? `${user} may not do this: ${message}.`
            : message,
      );
    case '22007':
    case '22008':
      return new TeamModeError(`${message}: give dates as YYYY-MM-DD.`);
    case '42710':
    case 'P0002':
    case '23514':
      return new TeamModeError(message);
    default:
      return error;
  }
}

/** What a person sees when the team database cannot be reached (docs/team-mode.md, "When the server is away"). */
export const serverUnreachableMessage =
  'The team database cannot be reached, so nothing was changed. What you typed is still here: try again in a moment.';

// PostgreSQL's own words for a server going away: shutting down, starting up, or the connection broken.
const serverGoneCodes = ['57P01', '57P02', '57P03'];
// What pg says when the connection ends under a query, or a client that lost it is asked again.
const connectionEndedMessages =
  /^(Connection terminated|Client has encountered a connection error|Connection terminated unexpectedly|timeout expired)/;

/** Whether a failure means the server could not be reached (not a refusal, a bug, or bad input). */
export function isServerUnreachable(error: unknown): boolean {
  const { code, message = '' } = (error ?? {}) as PgFailure;
  if (code && (unreachableCodes.includes(code) || serverGoneCodes.includes(code) || code.startsWith('08'))) {
    return true;
  }
  return error instanceof Error && connectionEndedMessages.test(message);
}
