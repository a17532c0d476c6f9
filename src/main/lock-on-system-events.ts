/**
 * The OS going to sleep or locking its screen locks Advocase too (docs/security.md §1): whoever opens the
 * lid or unlocks the screen next must also know the passphrase.
 */
export function lockOnSystemEvents(
  powerMonitor: { on(event: 'suspend' | 'lock-screen', listener: () => void): unknown },
  lock: () => void,
): void {
  powerMonitor.on('suspend', lock);
  powerMonitor.on('lock-screen', lock);
}
