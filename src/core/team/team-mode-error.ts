/** The input a failure is about, so a form can show its message beside that field. */
export type TeamConnectionField =
  'host' | 'port' | 'database' | 'user' | 'password' | 'tlsMode' | 'caCertificate';

/**
 * What went wrong setting up, reaching or using a team database, said so the person can fix it: the server
 * unreachable (with the address tried), TLS, the password, the login not allowed in, the
 * database not set up for team mode (or its schema newer or older than this build), or something
 * only an admin may do. The CLI prints the message; the app shows it beside `field`.
 */
export class TeamModeError extends Error {
  constructor(
    message: string,
    readonly field?: TeamConnectionField,
  ) {
    super(message);
    this.name = 'TeamModeError';
  }
}

/** Where a connection went, for messages: never the password. */
export type TeamDatabaseAddress = {
  /** `host:port`. */
  readonly server: string;
  readonly user: string;
  readonly database: string;
};

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
  'This database is not set up for team mode yet: ask your administrator to run advocase team init with the owner’s connection.';

export const schemaNewerMessage =
  'This team database was set up by a newer version of Advocase. Update Advocase on this computer to connect; nothing was changed.';

export const schemaOlderMessage =
  'This team database was set up by an older version of Advocase. Ask your administrator to run advocase team init, which brings it up to date; nothing was changed.';

/** Where a URL points, for messages (never the password). */
export function addressOfUrl(url: URL): TeamDatabaseAddress {
  const user = decodeURIComponent(url.username);
  return {
    server: `${url.hostname || 'localhost'}:${url.port || '5432'}`,
    user,
    database: decodeURIComponent(url.pathname.slice(1)) || user,
  };
}

/**
 * A team database failure as a TeamModeError, or the error itself when it is none of these. The
 * one classifier of the CLI and of the app's "Test connection".
 */
export function describeTeamDatabaseFailure(error: unknown, address: TeamDatabaseAddress): unknown {
  if (error instanceof TeamModeError) return error;
  const { code, message = '' } = (error ?? {}) as PgFailure;
  const { server } = address;
  const user = address.user || 'this user';
  if (code && unreachableCodes.includes(code)) {
    return new TeamModeError(
      `Cannot reach the PostgreSQL server at ${server} (${code}). Check the address and port, and that the server is running and lets this computer connect.`,
      'host',
    );
  }
  if ((code && tlsCodes.includes(code)) || /SSL|TLS|certificate/i.test(message)) {
    return new TeamModeError(
      `The secure (TLS) connection to ${server} failed: ${message}. With verify-full, give the organisation's CA certificate (in the app, under Organisation’s CA certificate; on the command line, sslrootcert=… in the address) and use the host name its certificate names.`,
      'caCertificate',
    );
  }
  switch (code) {
    case '28P01':
      return new TeamModeError(
        `The server at ${server} refused the password for ${user}, or has no such login. Check the login and password (an admin can set a new password).`,
        'password',
      );
    case '28000':
      return new TeamModeError(
        `The server at ${server} does not let ${user} connect (${message}). A disabled team member can no longer connect; ask an admin.`,
        'user',
      );
    case '3D000':
      return new TeamModeError(
        `There is no database ${address.database} on ${server}. Check the database name, or ask your administrator to create it.`,
        'database',
      );
    case '42P01':
    case '42883':
      return new TeamModeError(notSetUpMessage, 'database');
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
