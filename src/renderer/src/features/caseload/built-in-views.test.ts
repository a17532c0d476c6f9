import { describe, expect, it } from 'vitest';
import { caseloadViewDefinitionSchema } from '@shared/schemas/caseload';
import { builtInViews } from './built-in-views';

describe('the built-in caseload views', () => {
  it('are each a definition the contract accepts, with or without the user’s name', () => {
    for (const view of builtInViews) {
      for (const name of [null, 'Dana Reyes']) {
        expect(caseloadViewDefinitionSchema.safeParse(view.definition(name)).success, view.id).toBe(true);
      }
    }
  });

  it('narrow "My urgent" to the user’s cases once their name is known, and show every urgent case before', () => {
    const myUrgent = builtInViews.find((view) => view.id === 'my-urgent')!;
    expect(myUrgent.definition('Dana Reyes').filters).toEqual({ isUrgent: true, advocates: ['Dana Reyes'] });
    expect(myUrgent.definition(null).filters).toEqual({ isUrgent: true });
  });

  it('start with "All cases", which filters nothing', () => {
    expect(builtInViews[0]!.id).toBe('all');
    expect(builtInViews[0]!.definition('Dana Reyes')).toEqual({
      filters: {},
      quickFilter: null,
      sorting: [],
    });
  });
});
