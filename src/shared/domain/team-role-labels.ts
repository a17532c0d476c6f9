import type { TeamRoleName } from '../schemas/team';

/** The team roles (docs/team-mode.md, "Who sees what") as the screens name them. */
export const teamRoleLabels: Readonly<Record<TeamRoleName, string>> = {
  navigator: 'Navigator',
  supervisor: 'Supervisor',
  viewer: 'Viewer',
  admin: 'Admin',
};
