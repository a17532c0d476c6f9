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
  | { readonly name: 'outcomes' };

export const caseTabs = ['timeline', 'coverage', 'providers', 'documents', 'deadlines'] as const;
export type CaseTab = (typeof caseTabs)[number];

export function parseRoute(hash: string): Route {
  const [, section, id, tab] = hash.replace(/^#/, '').split('/');
  const numericId = Number(id);
  if (section === 'cases' && Number.isInteger(numericId) && numericId > 0) {
    return {
      name: 'case',
      caseId: numericId,
      tab: (caseTabs as readonly string[]).includes(tab ?? '') ? (tab as CaseTab) : 'timeline',
    };
  }
  if (section === 'clients' && Number.isInteger(numericId) && numericId > 0)
    return { name: 'client', clientId: numericId };
  if (section === 'agenda') return { name: 'agenda' };
  if (section === 'outcomes') return { name: 'outcomes' };
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
    case 'outcomes':
      return '#/outcomes';
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
