/**
 * The four kinds of people in a team database (docs/team-mode.md, "Who sees what"): what each may
 * read and change is decided by the database's row-level security, never by the screens, which
 * only use the role to leave out what would be refused.
 */
export const teamRoles = ['navigator', 'supervisor', 'viewer', 'admin'] as const;

export type TeamRole = (typeof teamRoles)[number];

export function isTeamRole(word: string): word is TeamRole {
  return (teamRoles as readonly string[]).includes(word);
}

export const teamRoleLabels: Readonly<Record<TeamRole, string>> = {
  navigator: 'Navigator',
  supervisor: 'Supervisor',
  viewer: 'Viewer',
  admin: 'Admin',
};
