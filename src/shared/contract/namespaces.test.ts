/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { contract } from './index';
import { namespaces } from './namespaces';

// Every feature file of the contract, read as the bundler reads it; a file added later is picked up here too.
const featureFiles = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true });

function methodNamesExportedBy(file: Record<string, unknown>): string[] {
  return Object.values(file).flatMap((exported) =>
    typeof exported === 'object' && exported !== null && !Array.isArray(exported)
      ? Object.keys(exported).filter((key) => /^[a-zA-Z]+\.[a-zA-Z]+$/.test(key))
      : [],
  );
}

describe('the contract built from the namespace list', () => {
  it('holds every method every feature file declares (a method file left out would be missing here)', () => {
    const declared = Object.entries(featureFiles)
      .filter(([path]) => path !== './index.ts')
      .flatMap(([, file]) => methodNamesExportedBy(file));
    expect(declared.length).toBeGreaterThan(100);
    expect(declared.filter((name) => !Object.hasOwn(contract, name))).toEqual([]);
  });

  it('has methods under every namespace of the list, and under no other', () => {
    const namespacesInUse = new Set(Object.keys(contract).map((name) => name.split('.')[0]));
    expect([...namespacesInUse].sort()).toEqual([...namespaces].sort());
  });
});
