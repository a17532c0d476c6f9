/**
 * The four kinds of people in a team database, and the PostgreSQL group role (NOLOGIN) each
 * person's own login is a member of. What each may read and change is decided by the row-level
 * security policies of the team migrations (docs/team-mode.md, "Who sees what").
 */
export const teamRoles = ['navigator', 'supervisor', 'viewer', 'admin'] as const;

export type TeamRole = (typeof teamRoles)[number];

export const groupRoleOf = (role: TeamRole): string => `advocase_${role}`;

export function isTeamRole(word: string): word is TeamRole {
  return (teamRoles as readonly string[]).includes(word);
}
