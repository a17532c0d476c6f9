import type { BuiltInViewId } from './built-in-views';

/** The view the caseload shows: one of the built-in views, or a view the user saved. */
export type ViewChoice =
  { readonly kind: 'built-in'; readonly id: BuiltInViewId } | { readonly kind: 'saved'; readonly id: number };
