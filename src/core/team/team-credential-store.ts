import { z } from 'zod';
import { teamConnectionInputSchema, teamRoleNames } from '../../shared/schemas/team';

/**
 * A team database this copy joined: the fields the person typed (the password among them) and who
 * the server said they were the last time it connected, for the window title while locked.
 */
export const rememberedTeamConnectionSchema = z.object({
  input: teamConnectionInputSchema,
  fullName: z.string().nullable(),
  role: z.enum(teamRoleNames),
});
export type RememberedTeamConnection = z.output<typeof rememberedTeamConnectionSchema>;

/**
 * Where the credentials of a joined team database are kept between connections. The desktop app
 * keeps them encrypted by the operating system's keychain (src/main/team-credentials.ts), the web
 * harness in memory for its process only; never in a plain file (docs/team-mode.md, "What is
 * protected where").
 */
export interface TeamCredentialStore {
  /** The remembered connection, or null when this copy has joined none. */
  read(): Promise<RememberedTeamConnection | null>;
  /** Remembers a connection; throws (saving nothing) when it cannot keep it protected. */
  save(remembered: RememberedTeamConnection): Promise<void>;
  forget(): Promise<void>;
}

/** Credentials kept only while this process runs (the web harness, tests). */
export function memoryTeamCredentialStore(): TeamCredentialStore {
  let remembered: RememberedTeamConnection | null = null;
  return {
    read: async () => remembered,
    save: async (next) => {
      remembered = next;
    },
    forget: async () => {
      remembered = null;
    },
  };
}
