import { useSyncExternalStore } from 'react';

/**
 * Where the user is, kept in the URL fragment (#/cases/12) so Back and Forward work, a page can
 * be reloaded, and nothing about it ever reaches a server. Ids only: never a name in the URL.
 */
export type Route =
  | { readonly name: 'caseload' }
  | { readonly name: 'case'; readonly caseId: number; readonly tab: CaseTab }
  | { readonly name: 'client'; readonly clientId: number }
  | { readonly name: 'agenda' }
  | { readonly name: 'criteria'; readonly section: CriteriaLibrarySection }
  | { readonly name: 'letter'; readonly caseId: number; readonly letterId: number }
  | { readonly name: 'letterTemplates' }
  | { readonly name: 'plans'; readonly clientId: number }
  | { readonly name: 'tracks'; readonly clientId: number }
  | { readonly name: 'resources' }
  | { readonly name: 'outcomes' }
  | { readonly name: 'team' };

export const caseTabs = [
  'timeline',
  'coverage',
  'providers',
  'documents',
  'deadlines',
  'evidence',
  'treatment-history',
  'criteria',
  'letters',
  'costs',
  'funding',
  'time',
] as const;
export type CaseTab = (typeof caseTabs)[number];

export type CriteriaLibrarySection = 'sets' | 'packs';

export function parseRoute(hash: string): Route {
  const [, section, id, tab, letterId] = hash.replace(/^#/, '').split('/');
  const numericId = Number(id);
  const numericLetterId = Number(letterId);
  if (
    section === 'cases' &&
    tab === 'letters' &&
    Number.isInteger(numericId) &&
    numericId > 0 &&
    Number.isInteger(numericLetterId) &&
    numericLetterId > 0
  ) {
    return { name: 'letter', caseId: numericId, letterId: numericLetterId };
  }
  if (section === 'cases' && Number.isInteger(numericId) && numericId > 0) {
    return {
      name: 'case',
      caseId: numericId,
      tab: (caseTabs as readonly string[]).includes(tab ?? '') ? (tab as CaseTab) : 'timeline',
    };
  }
  if (section === 'clients' && Number.isInteger(numericId) && numericId > 0 && tab === 'plans')
    return { name: 'plans', clientId: numericId };
  if (section === 'clients' && Number.isInteger(numericId) && numericId > 0 && tab === 'tracks')
    return { name: 'tracks', clientId: numericId };
  if (section === 'clients' && Number.isInteger(numericId) && numericId > 0)
    return { name: 'client', clientId: numericId };
  if (section === 'agenda') return { name: 'agenda' };
  if (section === 'criteria') return { name: 'criteria', section: id === 'packs' ? 'packs' : 'sets' };
  if (section === 'letter-templates') return { name: 'letterTemplates' };
  if (section === 'resources') return { name: 'resources' };
  if (section === 'outcomes') return { name: 'outcomes' };
  if (section === 'team') return { name: 'team' };
  return { name: 'caseload' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'caseload':
      return '#/caseload';
    case 'case':
      return `#/cases/${route.caseId}/${route.tab}`;
    case 'client':
      return `#/clients/${route.clientId}`;
    case 'agenda':
      return '#/agenda';
    case 'criteria':
      return `#/criteria/${route.section}`;
    case 'letter':
      return `#/cases/${route.caseId}/letters/${route.letterId}`;
    case 'letterTemplates':
      return '#/letter-templates';
    case 'plans':
      return `#/clients/${route.clientId}/plans`;
    case 'tracks':
      return `#/clients/${route.clientId}/tracks`;
    case 'resources':
      return '#/resources';
    case 'outcomes':
      return '#/outcomes';
    case 'team':
      return '#/team';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentHash(): string {
  return window.location.hash;
}

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentHash));
}
