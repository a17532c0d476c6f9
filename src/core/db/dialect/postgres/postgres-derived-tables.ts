import type { DerivedTableUpkeep } from '../derived-tables';

/** The tables the PostgreSQL chain keeps with PL/pgSQL triggers (written in the next step). */
export const postgresDerivedTables: DerivedTableUpkeep = {
  derivedTables: [],
  guardedTables: [],
};
