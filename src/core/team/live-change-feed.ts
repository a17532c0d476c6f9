import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  liveTables,
  type LiveChange,
  type LiveChangesOutput,
  type LiveTable,
} from '../../shared/schemas/live';
import { logger } from '../logging/logger';

/** The channel the team database announces committed changes on (migration 0147-team-live-changes). */
const channel = 'advocase_changes';

/** How many changes are kept for a screen that asks late; one that fell further behind re-reads everything. */
const keptChanges = 1_000;

/** Waits between attempts to reach the server again: quickly at first, then every 5 s. */
const reconnectDelaysMs = [250, 500, 1_000, 2_000, 5_000];

type Entry = { readonly sequence: number; readonly change: LiveChange | 'everything' };

export type FeedQuestion = {
  readonly stream?: string | undefined;
  readonly after?: number | undefined;
  readonly reachable?: boolean | undefined;
};

function isLiveTable(table: unknown): table is LiveTable {
  return liveTables.includes(table as LiveTable);
}

function asId(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/**
 * The changes a team database announces, heard on one connection of its own that LISTENs while a
 * team session is open (docs/team-mode.md, "Live"). Each is numbered; a screen asks for those
 * after the last it saw (`changesAfter`) and is answered at once when there are some, or when
 * the database became reachable or unreachable, else after a wait. The connection is made again
 * whenever it is lost; changes announced meanwhile were not heard, so the first answer after it
 * says to re-read everything.
 */
export class LiveChangeFeed {
  readonly stream = randomUUID();
  private sequence = 0;
  private readonly entries: Entry[] = [];
  private listener: pg.Client | null = null;
  private isReachable = false;
  private isClosed = false;
  private failedAttempts = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly waiters = new Set<() => void>();

  /** `connection`: how to reach the team database, as the store itself was reached (a URL or a person's fields). */
  constructor(private readonly connection: pg.ClientConfig) {}

  /** Whether the team database could be reached the last time this feed tried. */
  get reachable(): boolean {
    return this.isReachable;
  }

  /** Connects and listens; when the server cannot be reached it keeps trying in the background. */
  async start(): Promise<void> {
    await this.connect();
  }

  async changesAfter(question: FeedQuestion, waitMs: number): Promise<LiveChangesOutput> {
    const isSameStream = question.stream === this.stream && question.after !== undefined;
    if (isSameStream && !this.hasNews(question)) await this.waitForNews(question, waitMs);
    return this.answer(question, isSameStream);
  }

  async close(): Promise<void> {
    this.isClosed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.wake();
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  private hasNews(question: FeedQuestion): boolean {
    return (question.after ?? 0) < this.sequence || question.reachable !== this.isReachable || this.isClosed;
  }

  private waitForNews(question: FeedQuestion, waitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const check = () => {
        if (this.hasNews(question)) done();
      };
      const timer = setTimeout(done, waitMs);
      this.waiters.add(check);
    });
  }

  private answer(question: FeedQuestion, isSameStream: boolean): LiveChangesOutput {
    const after = question.after ?? 0;
    const newer = isSameStream ? this.entries.filter((entry) => entry.sequence > after) : [];
    // Changes dropped from the list since the screen last asked are missed: re-read everything.
    const missedSome = isSameStream && after < this.sequence && (this.entries[0]?.sequence ?? 0) > after + 1;
    const changes = newer.flatMap((entry) => (entry.change === 'everything' ? [] : [entry.change]));
    return {
      live: true,
      reachable: this.isReachable,
      stream: this.stream,
      cursor: this.sequence,
      // A cursor from another feed (this one is new) may have missed anything in between.
      everything:
        (question.stream !== undefined && !isSameStream) ||
        missedSome ||
        newer.some((entry) => entry.change === 'everything'),
      changes,
    };
  }

  private record(change: LiveChange | 'everything'): void {
    this.sequence += 1;
    this.entries.push({ sequence: this.sequence, change });
    if (this.entries.length > keptChanges) this.entries.splice(0, this.entries.length - keptChanges);
    this.wake();
  }

  private wake(): void {
    for (const check of [...this.waiters]) check();
  }

  private async connect(): Promise<void> {
    if (this.isClosed) return;
    // Keepalive notices a network that went away without a word, as a laptop changing networks does.
    const listener = new pg.Client({
      ...this.connection,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    listener.on('error', () => this.lost(listener));
    listener.on('end', () => this.lost(listener));
    listener.on('notification', (message) => this.heard(message.payload));
    try {
      await listener.connect();
      await listener.query(`LISTEN ${channel}`);
    } catch (error) {
      await listener.end().catch(() => undefined);
      logger.warn('team.live_connect_failed', { code: (error as { code?: string }).code ?? 'unknown' });
      this.lost(listener);
      return;
    }
    if (this.isClosed) {
      await listener.end().catch(() => undefined);
      return;
    }
    this.listener = listener;
    const wasAway = this.failedAttempts > 0 || this.sequence > 0;
    this.failedAttempts = 0;
    this.isReachable = true;
    // Whatever was announced while no one listened was not heard: the screens re-read it all.
    if (wasAway) this.record('everything');
    else this.wake();
  }

  private lost(listener: pg.Client): void {
    if (this.isClosed || (this.listener !== null && this.listener !== listener)) return;
    if (this.listener === listener) {
      this.listener = null;
      logger.warn('team.live_connection_lost');
    }
    if (this.reconnectTimer) return;
    this.isReachable = false;
    this.wake();
    const delay = reconnectDelaysMs[Math.min(this.failedAttempts, reconnectDelaysMs.length - 1)]!;
    this.failedAttempts += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
    // The retrying alone must not keep a CLI run or a test process alive.
    this.reconnectTimer.unref();
  }

  private heard(payload: string | undefined): void {
    let announced: { table?: unknown; id?: unknown; case_id?: unknown };
    try {
      announced = JSON.parse(payload ?? '') as typeof announced;
    } catch {
      return;
    }
    if (!isLiveTable(announced.table)) return;
    this.record({ table: announced.table, id: asId(announced.id), caseId: asId(announced.case_id) });
  }
}
