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
    ['#/criteria', { name: 'criteria', section: 'sets' }],
    ['#/criteria/packs', { name: 'criteria', section: 'packs' }],
    ['#/cases/12/criteria', { name: 'case', caseId: 12, tab: 'criteria' }],
    ['#/cases/12/letters', { name: 'case', caseId: 12, tab: 'letters' }],
    ['#/cases/12/letters/4', { name: 'letter', caseId: 12, letterId: 4 }],
    ['#/cases/12/letters/x', { name: 'case', caseId: 12, tab: 'letters' }],
    ['#/letter-templates', { name: 'letterTemplates' }],
  ])('reads %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each<Route>([
    { name: 'case', caseId: 5, tab: 'documents' },
    { name: 'letter', caseId: 5, letterId: 9 },
    { name: 'letterTemplates' },
  ])('writes what it reads: %j', (route) => {
    expect(parseRoute(hrefFor(route))).toEqual(route);
  });
});
