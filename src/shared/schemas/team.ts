import { z } from 'zod';

/** The four kinds of people in a team database (docs/team-mode.md, "Who sees what"). */
export const teamRoleNames = ['navigator', 'supervisor', 'viewer', 'admin'] as const;
export type TeamRoleName = (typeof teamRoleNames)[number];

/**
 * How the connection to the team's server is protected in transit (docs/team-mode.md, "TLS"):
 * `verify-full` encrypts and checks the server is the host named; `require` encrypts without
 * checking who answers; `disable` is for a server on this computer only.
 */
export const teamTlsModes = ['verify-full', 'require', 'disable'] as const;
export type TeamTlsMode = (typeof teamTlsModes)[number];

/** The host names that reach this computer itself, the only ones a connection without TLS may use. */
export const loopbackHosts = ['127.0.0.1', 'localhost', '::1'] as const;

export function isLoopbackHost(host: string): boolean {
  return (loopbackHosts as readonly string[]).includes(
    host
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, ''),
  );
}

/**
 * Which store this copy of Advocase has open, or opens at the next unlock. Other screens (the
 * window title, the header badge, the supervisor's views) rely on exactly this shape.
 */
export const teamConnectionSchema = z.discriminatedUnion('store', [
  z.object({ store: z.literal('local') }),
  z.object({
    store: z.literal('team'),
    /** `host:port`, never the password. */
    server: z.string(),
    database: z.string(),
    login: z.string(),
    /** From the team's list; null while it is not known (the database's owner is on no list). */
    fullName: z.string().nullable(),
    role: z.enum(teamRoleNames),
  }),
]);
export type TeamConnection = z.infer<typeof teamConnectionSchema>;
export type TeamStoreConnection = Extract<TeamConnection, { store: 'team' }>;
