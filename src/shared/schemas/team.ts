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

const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

/**
 * Where the team database is and who connects: what a person types on Settings → Team. The CA
 * certificate is its PEM text (pasted, or read by the app from a file the person picked): the
 * renderer never sends a path.
 */
export const teamConnectionInputSchema = z
  .strictObject({
    host: requiredText('Server', 255),
    port: z.coerce
      .number({ error: 'Port must be a number, usually 5432.' })
      .int('Port must be a whole number, usually 5432.')
      .min(1, 'Port must be between 1 and 65535 (usually 5432).')
      .max(65_535, 'Port must be between 1 and 65535 (usually 5432).'),
    database: requiredText('Database', 63),
    user: requiredText('Login', 63),
    // Not trimmed: a password is exactly what was typed.
    password: z.string({ error: 'Password is required.' }).min(1, 'Password is required.').max(1024),
    tlsMode: z.enum(teamTlsModes, { error: 'Choose how the connection is protected.' }),
    caCertificate: z
      .string()
      .trim()
      .max(65_536, 'The CA certificate is too long for one certificate file.')
      .refine((text) => text === '' || /-----BEGIN CERTIFICATE-----/.test(text), {
        message:
          'The CA certificate must be PEM text, starting with -----BEGIN CERTIFICATE----- (ask your administrator for the .pem file).',
      })
      .optional(),
  })
  .superRefine((input, context) => {
    if (input.tlsMode === 'disable' && !isLoopbackHost(input.host)) {
      context.addIssue({
        code: 'custom',
        path: ['tlsMode'],
        message: `A connection without TLS is allowed only to this computer (127.0.0.1, localhost or ::1), not to ${input.host}. Choose verify-full.`,
      });
    }
  });
export type TeamConnectionInput = z.output<typeof teamConnectionInputSchema>;

/** A connection that works: who the server says this login is. */
export const teamConnectionTestSchema = teamConnectionSchema.options[1].omit({ store: true });
export type TeamConnectionTest = z.infer<typeof teamConnectionTestSchema>;
