import styles from './Evidence.module.css';

/** The band a readiness figure falls in, named so the colour is never the only cue. */
export function readinessBand(percent: number): { word: string; className: string } {
  if (percent >= 100) return { word: 'ready', className: styles.bandReady! };
  if (percent >= 60) return { word: 'nearly', className: styles.bandNearly! };
  if (percent >= 30) return { word: 'gathering', className: styles.bandGathering! };
  return { word: 'early', className: styles.bandEarly! };
}

/** "62% · nearly" with a thin bar: the caseload cell and the Evidence tab's heading. */
export function ReadinessMeter({ percent, isLarge = false }: { percent: number; isLarge?: boolean }) {
  const band = readinessBand(percent);
  return (
    <span className={`${styles.meter} ${isLarge ? styles.meterLarge : ''}`}>
      <span
        className={styles.meterTrack}
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label="Evidence readiness"
      >
        <span className={`${styles.meterFill} ${band.className}`} style={{ width: `${percent}%` }} />
      </span>
      <span className={styles.meterText}>
        {percent}% <span className={styles.meterWord}>{band.word}</span>
      </span>
    </span>
  );
}
