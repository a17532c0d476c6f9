import { useEffect, useState } from 'react';

/** The current time, updated every second while `isTicking`: for a running timer's clock. */
export function useNow(isTicking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isTicking) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [isTicking]);
  return now;
}

/** 4,523 s → "1:15:23": a stopwatch face. */
export function formatElapsed(milliseconds: number): string {
  const totalSeconds = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** Whole minutes since an instant, at least one, as the core counts them on stop. */
export function minutesSince(isoInstant: string, now: number): number {
  return Math.max(1, Math.round((now - Date.parse(isoInstant)) / 60_000));
}
