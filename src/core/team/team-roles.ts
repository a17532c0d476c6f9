import type { TeamRole } from '../../shared/domain/team-roles';

/**
 * The PostgreSQL group role (NOLOGIN) each person's own login is a member of, one per team role
 * (src/shared/domain/team-roles.ts). What each may read and change is decided by the row-level
 * security policies of the team migrations (docs/team-mode.md, "Who sees what").
 */
export { isTeamRole, teamRoles, type TeamRole } from '../../shared/domain/team-roles';

export const groupRoleOf = (role: TeamRole): string => `advocase_${role}`;
