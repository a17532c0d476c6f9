import { describe, expect, it } from 'vitest';
import { zoneNoteFor } from './format-date';

describe('zoneNoteFor', () => {
  it('names no zone when the dates are in the zone the user is in', () => {
    expect(zoneNoteFor('America/Chicago', 'America/Chicago')).toBeNull();
  });

  it('names another zone as a person does, never as a tz database code', () => {
    const note = zoneNoteFor('America/New_York', 'America/Chicago');
    expect(note).toMatch(/Eastern Time/);
    expect(note).not.toContain('America/');
    expect(note).not.toContain('_');
  });
});
