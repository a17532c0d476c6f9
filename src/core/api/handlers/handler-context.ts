import type { Session } from '../../session/session';

/** What every feature's handlers get: the session (and through it the store and the actor). */
export type HandlerContext = { readonly session: Session };
