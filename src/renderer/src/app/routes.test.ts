import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, type Route } from './routes';

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { name: 'caseload' }],
    ['#/caseload', { name: 'caseload' }],
    ['#/cases/12', { name: 'case', caseId: 12, tab: 'timeline' }],
    ['#/cases/12/coverage', { name: 'case', caseId: 12, tab: 'coverage' }],
    ['#/cases/12/nonsense', { name: 'case', caseId: 12, tab: 'timeline' }],
    ['#/cases/abc', { name: 'caseload' }],
    ['#/cases/-3', { name: 'caseload' }],
    ['#/clients/7', { name: 'client', clientId: 7 }],
    ['#/agenda', { name: 'agenda' }],
    ['#/outcomes', { name: 'outcomes' }],
    ['#token=abc', { name: 'caseload' }],
  ])('reads %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('writes what it reads', () => {
    const route: Route = { name: 'case', caseId: 5, tab: 'documents' };
    expect(parseRoute(hrefFor(route))).toEqual(route);
  });
});
