import type { HandlersOf } from '../../../shared/contract';
import type { Store } from '../../db/store';
import { AppError } from '../../errors';
import {
  assignCaseTo,
  caseHolders,
  endCaseShare,
  listTeamMembersIn,
  reassignAllCases,
  shareCaseWith,
} from '../../team/case-handover';
import { teamOverview } from '../../team/team-overview';
import type { HandlerContext } from './handler-context';
import { assertCaseExists } from '../../events/events-service';

/** Work on the team database; the local store has no team to assign cases within. */
function onTeamStore<T>({ session }: HandlerContext, work: (store: Store) => Promise<T>): Promise<T> {
  if (session.storeKind !== 'team') {
    throw new AppError(
      'NOT_FOUND',
      'There is no team here: this copy of Advocase keeps its cases in the local encrypted store, where every case is yours. Assigning and sharing cases is part of team mode.',
    );
  }
  return session.useStore(work);
}

export function assignmentsHandlers(context: HandlerContext): HandlersOf<'assignments'> {
  const { session } = context;
  return {
    'assignments.members': () => onTeamStore(context, ({ db }) => listTeamMembersIn(db)),
    'assignments.ofCase': ({ caseId }) =>
      onTeamStore(context, async ({ db }) => {
        await assertCaseExists(db, caseId);
        return caseHolders(db, caseId);
      }),
    'assignments.assign': ({ caseId, login }) =>
      onTeamStore(context, ({ db }) => assignCaseTo(db, session.actor, caseId, login)),
    'assignments.share': ({ caseId, login, lastDay }) =>
      onTeamStore(context, ({ db }) => shareCaseWith(db, session.actor, caseId, login, lastDay)),
    'assignments.endShare': ({ caseId, login }) =>
      onTeamStore(context, ({ db }) => endCaseShare(db, session.actor, caseId, login)),
    'assignments.reassignAll': (move) =>
      onTeamStore(context, async ({ db }) => ({ moved: await reassignAllCases(db, session.actor, move) })),
  };
}

export function teamViewsHandlers(context: HandlerContext): HandlersOf<'teamViews'> {
  return {
    'teamViews.overview': () => onTeamStore(context, ({ db }) => teamOverview(db)),
  };
}
