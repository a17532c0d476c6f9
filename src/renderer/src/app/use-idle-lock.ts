import { useEffect, useEffectEvent } from 'react';

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls `lock` after `minutes` without keyboard, mouse or touch activity in this window. */
export function useIdleLock(minutes: number | undefined, lock: () => void): void {
  const onIdle = useEffectEvent(lock);

  useEffect(() => {
    if (!minutes) return;
    let timer = window.setTimeout(onIdle, minutes * 60_000);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, minutes * 60_000);
    };
    activityEvents.forEach((name) => window.addEventListener(name, restart, { passive: true }));
    return () => {
      window.clearTimeout(timer);
      activityEvents.forEach((name) => window.removeEventListener(name, restart));
    };
  }, [minutes]);
}
