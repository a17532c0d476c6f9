import { describe, expect, it } from 'vitest';
import { clientsWithSameName } from './same-client';

const clients = [
  { id: 1, fullName: 'Rosa Delgado', dateOfBirth: '1984-02-11' },
  { id: 2, fullName: 'ROSA  DELGADO', dateOfBirth: null },
  { id: 3, fullName: 'Rosa Delgado', dateOfBirth: '1990-07-30' },
  { id: 4, fullName: 'Rosa Delgado-Ruiz', dateOfBirth: '1984-02-11' },
];

describe('clientsWithSameName', () => {
  it.each([
    ['the same name, any birth date, when none is typed', 'rosa delgado', '', [1, 2, 3]],
    ['accents and spacing do not count', '  Rósa   Delgado ', '', [1, 2, 3]],
    [
      'a typed birth date leaves out another birth date, keeps an unknown one',
      'Rosa Delgado',
      '1984-02-11',
      [1, 2],
    ],
    ['another name is another person', 'Rosa Del', '', []],
    ['an empty name matches no one', '   ', '', []],
  ])('%s', (_label, fullName, dateOfBirth, expected) => {
    expect(clientsWithSameName(clients, fullName, dateOfBirth || null).map((client) => client.id)).toEqual(
      expected,
    );
  });
});
