import { z } from 'zod';
import type { Namespace } from './namespaces';

export type MethodSpec = {
  /** What the method does, for whoever writes the next client of this contract. */
  readonly doc: string;
  readonly input: z.ZodType;
  readonly output: z.ZodType;
};

/** A method's name: its namespace (one of `namespaces`), a dot, its verb. */
export type QualifiedMethodName = `${Namespace}.${string}`;

/**
 * Each feature declares its methods with this, namespaced `feature.verb`, so names never collide;
 * a name whose namespace is not in `namespaces` does not compile.
 */
export function defineMethods<const Methods extends Record<string, MethodSpec>>(
  methods: Methods & {
    readonly [Name in keyof Methods]: Name extends QualifiedMethodName ? MethodSpec : never;
  },
): Methods {
  return methods;
}

export const noInput = z.strictObject({});
export const nothing = z.object({});
