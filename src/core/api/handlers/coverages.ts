import type { HandlersOf } from '../../../shared/contract/index';
import {
  coverageHistory,
  createCoverage,
  listCoverageNetworks,
  updateCoverage,
} from '../../coverages/coverages-service';
import { createProvider, listProviders, setNetworkStatus } from '../../providers/providers-service';
import type { HandlerContext } from './handler-context';

export function coveragesHandlers({ session }: HandlerContext): HandlersOf<'coverages'> {
  return {
    'coverages.create': (input) => session.useStore(({ db }) => createCoverage(db, session.actor, input)),
    'coverages.update': (input) => session.useStore(({ db }) => updateCoverage(db, session.actor, input)),
    'coverages.history': ({ coverageId }) => session.useStore(({ db }) => coverageHistory(db, coverageId)),
    'coverages.networks': ({ coverageId }) =>
      session.useStore(({ db }) => listCoverageNetworks(db, coverageId)),
  };
}

export function providersHandlers({ session }: HandlerContext): HandlersOf<'providers'> {
  return {
    'providers.create': (input) => session.useStore(({ db }) => createProvider(db, session.actor, input)),
    'providers.list': () => session.useStore(({ db }) => listProviders(db)),
    'providers.setNetworkStatus': (input) =>
      session.useStore(({ db }) => setNetworkStatus(db, session.actor, input)),
  };
}
