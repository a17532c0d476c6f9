import { readFileSync, readdirSync } from 'node:fs';

/**
 * What the PostgreSQL server on this machine costs, read from /proc (Linux): its processes are
 * the postmaster and its children (one per connection, plus the checkpointer, the WAL writer…).
 * The team bench reads its CPU time for each step of the fill and samples its memory under load.
 */

const clockTicks = 100; // USER_HZ, 100 on every Linux the bench runs on.

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** The postmaster and its children alive now. */
export function serverProcesses(postmaster: number): number[] {
  return [postmaster, ...childrenOf(postmaster)];
}

/** Fields of /proc/PID/stat after the command (which may hold spaces), from field 3 on. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * CPU seconds the server has used since it started: its live processes' own time, and the
 * postmaster's reaped children (connections that ended) through its cutime and cstime.
 */
export function serverCpuSeconds(postmaster: number): number {
  let ticks = 0;
  for (const pid of serverProcesses(postmaster)) {
    const fields = statFields(pid);
    if (!fields) continue;
    // utime, stime, cutime, cstime are fields 14–17 of stat (11–14 counted from field 3).
    ticks += Number(fields[11]) + Number(fields[12]);
    if (pid === postmaster) ticks += Number(fields[13]) + Number(fields[14]);
  }
  return ticks / clockTicks;
}

export type ServerMemory = {
  /** Sum of each process's resident set: shared buffers count once per process that touched them. */
  readonly rssMb: number;
  /** Sum of proportional set sizes: shared pages split between the processes sharing them. */
  readonly pssMb: number;
  readonly processes: number;
};

/** The server's memory now, from each process's /proc/PID/smaps_rollup. */
export function serverMemory(postmaster: number): ServerMemory {
  let rssKb = 0;
  let pssKb = 0;
  let processes = 0;
  for (const pid of serverProcesses(postmaster)) {
    let rollup: string;
    try {
      rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    } catch {
      continue; // A connection that ended between the listing and the read.
    }
    rssKb += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    pssKb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    processes += 1;
  }
  return { rssMb: rssKb / 1024, pssMb: pssKb / 1024, processes };
}
