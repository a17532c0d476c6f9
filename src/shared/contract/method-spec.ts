import { z } from 'zod';

export type MethodSpec = {
  /** What the method does, for whoever writes the next client of this contract. */
  readonly doc: string;
  readonly input: z.ZodType;
  readonly output: z.ZodType;
};

/** Each feature declares its methods with this, namespaced `feature.verb`, so names never collide. */
export function defineMethods<const Methods extends Record<`${string}.${string}`, MethodSpec>>(
  methods: Methods,
): Methods {
  return methods;
}

export const noInput = z.strictObject({});
export const nothing = z.object({});
