/**
 * The app's only logger. It takes an event name and a few numbers or codes: never free text,
 * because anything free-form (an error message, a row) can carry protected health information.
 */
export type LogFields = Readonly<Record<string, number | boolean | `${string}`>>;

const levels = ['silent', 'error', 'warn', 'info'] as const;
type Level = Exclude<(typeof levels)[number], 'silent'>;
type Threshold = (typeof levels)[number];

function thresholdFromEnvironment(fallback: Threshold): Threshold {
  const chosen = process.env.ADVOCASE_LOG;
  return (levels as readonly string[]).includes(chosen ?? '') ? (chosen as Threshold) : fallback;
}

let threshold: Threshold = thresholdFromEnvironment('info');

/** Programs whose stderr a person reads (the CLI) log only warnings unless ADVOCASE_LOG says otherwise. */
export function setDefaultLogThreshold(fallback: Threshold): void {
  threshold = thresholdFromEnvironment(fallback);
}

function write(level: Level, event: string, fields: LogFields = {}): void {
  if (levels.indexOf(level) > levels.indexOf(threshold)) return;
  process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), level, event, ...fields })}\n`);
}

export const logger = {
  info: (event: string, fields?: LogFields) => write('info', event, fields),
  warn: (event: string, fields?: LogFields) => write('warn', event, fields),
  error: (event: string, fields?: LogFields) => write('error', event, fields),
};
