import type { HandlersOf } from '../../../shared/contract/index';
import { getCaseFunding } from '../../funding/case-funding-service';
import {
  addFundingOption,
  dismissFundingType,
  removeFundingOption,
  restoreFundingType,
  updateFundingOption,
} from '../../funding/funding-options-service';
import { getParallelTracks, setParallelTrackNote } from '../../funding/parallel-tracks-service';
import type { HandlerContext } from './handler-context';

export function fundingHandlers({ session }: HandlerContext): HandlersOf<'funding'> {
  return {
    'funding.getForCase': ({ caseId }) => session.useStore(({ db }) => getCaseFunding(db, caseId)),
    'funding.add': (input) => session.useStore(({ db }) => addFundingOption(db, session.actor, input)),
    'funding.update': (input) => session.useStore(({ db }) => updateFundingOption(db, session.actor, input)),
    'funding.remove': ({ fundingOptionId }) =>
      session.useStore(async ({ db }) => {
        await removeFundingOption(db, session.actor, fundingOptionId);
        return {};
      }),
    'funding.dismiss': (input) =>
      session.useStore(async ({ db }) => {
        await dismissFundingType(db, session.actor, input);
        return {};
      }),
    'funding.restore': (input) =>
      session.useStore(async ({ db }) => {
        await restoreFundingType(db, session.actor, input);
        return {};
      }),
  };
}

export function tracksHandlers({ session }: HandlerContext): HandlersOf<'tracks'> {
  return {
    'tracks.getForClient': ({ clientId }) => session.useStore(({ db }) => getParallelTracks(db, clientId)),
    'tracks.setNote': (input) => session.useStore(({ db }) => setParallelTrackNote(db, session.actor, input)),
  };
}
