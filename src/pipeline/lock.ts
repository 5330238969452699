/**
 * One run at a time per output folder: two renders (or a render and a merge) writing the same
 * manifest at once would each keep only their own figures. The lock is a file created with
 * O_EXCL inside the folder, holding the owner's pid, the pid's start time and the host. A killed
 * run cannot leave it stuck: a lock whose process is gone (or whose pid now belongs to a process
 * started later) is stale and is taken over. A live holder is waited for, up to a bound, then the
 * run stops with a line naming the holder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBounded, ReadRefusal } from '../config/read-bounded.js';

export const LOCK_FILE = '.actiplot.lock';

/** How long a run waits for another run's lock by default: longer than a typical full render. */
export const LOCK_WAIT_MS = 120_000;

/** A lock file younger than this with no content yet is being written by its creator, not stale. */
const FRESH_MS = 5_000;

interface Holder {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), or null where unknown. */
  start: number | null;
  host: string;
  since: string;
}

export interface OutputLock {
  /** Why the lock could not be taken (the run must stop), or undefined when it is held. */
  refusal?: string;
  release(): void;
  [Symbol.dispose](): void;
  [Symbol.asyncDispose](): Promise<void>;
}

export interface LockOptions {
  /** Wait at most this long for a live holder (default LOCK_WAIT_MS; 0: do not wait). */
  waitMs?: number;
  /** Called once when the run starts waiting. */
  onWait?: (message: string) => void;
}

/** Field 22 of /proc/<pid>/stat: when the process started (to tell a reused pid from the holder). */
function startTime(pid: number | 'self'): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const v = Number(rest[19]);
    return Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

function alive(h: Holder): boolean {
  if (h.host !== os.hostname()) return true; // another machine's process: cannot tell, assume it runs
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTime(h.pid);
  return h.start === null || now === null || now === h.start;
}

function parseHolder(bytes: Buffer): Holder | undefined {
  try {
    const v = JSON.parse(bytes.toString('utf8')) as Partial<Holder>;
    if (!Number.isInteger(v.pid) || (v.pid as number) <= 0) return undefined;
    return {
      pid: v.pid as number,
      start: typeof v.start === 'number' ? v.start : null,
      host: typeof v.host === 'string' ? v.host : '',
      since: typeof v.since === 'string' ? v.since.slice(0, 40) : '?',
    };
  } catch {
    return undefined;
  }
}

const held = (file: string, content: string): OutputLock => {
  let done = false;
  const release = () => {
    if (done) return;
    done = true;
    try {
      // Only our own lock: if it was judged stale and taken over, the file is another run's now.
      if (fs.readFileSync(file, 'utf8') === content) fs.rmSync(file, { force: true });
    } catch {
      // gone, or the folder became unreadable: nothing left to release
    }
  };
  return { release, [Symbol.dispose]: release, [Symbol.asyncDispose]: async () => release() };
};

/** No lock, and no need of one: a folder no one can write to (read-only, full) cannot be corrupted by us. */
const unlocked = (): OutputLock => ({ release() {}, [Symbol.dispose]() {}, async [Symbol.asyncDispose]() {} });

/** Errors that mean this run cannot write to the folder at all; its writes fail and report themselves. */
const CANNOT_WRITE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT']);

const refused = (refusal: string): OutputLock => ({ refusal, release() {}, [Symbol.dispose]() {}, async [Symbol.asyncDispose]() {} });

type Attempt = { lock: OutputLock } | { busy: string };

/** One try: the lock, or a description of the live holder. A stale lock is removed and retried. */
function attempt(dir: string): Attempt {
  const file = path.join(dir, LOCK_FILE);
  for (let tries = 0; tries < 5; tries++) {
    let fd: number;
    try {
      fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o644);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (CANNOT_WRITE.has(code)) return { lock: unlocked() };
      if (code !== 'EEXIST') return { lock: refused(`cannot lock the output folder ${dir} (${code || (err as Error).message})`) };
      fd = -1;
    }
    if (fd >= 0) {
      const me: Holder = { pid: process.pid, start: startTime('self'), host: os.hostname(), since: new Date().toISOString() };
      const content = JSON.stringify(me);
      try {
        fs.writeSync(fd, content);
        fs.closeSync(fd);
      } catch {
        try {
          fs.closeSync(fd);
        } catch {
          // already closed by the failed close
        }
        fs.rmSync(file, { force: true });
        return { lock: unlocked() };
      }
      return { lock: held(file, content) };
    }
    const st = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!st) continue; // released meanwhile
    if (!st.isFile()) return { lock: refused(`${file} is not a lock file actiplot made; remove it`) };
    let bytes: Buffer;
    try {
      bytes = readBounded(file, 4096);
    } catch (err) {
      if (err instanceof ReadRefusal && err.code === 'ENOENT') continue;
      return { lock: refused(`cannot read the lock ${file}: ${err instanceof ReadRefusal ? err.reason : (err as Error).message}`) };
    }
    const holder = parseHolder(bytes);
    if (holder ? alive(holder) : Date.now() - st.mtimeMs < FRESH_MS) {
      return { busy: holder ? `pid ${holder.pid}${holder.host !== os.hostname() ? ` on ${holder.host}` : ''}, since ${holder.since}` : 'a run that is starting' };
    }
    breakStale(file, bytes);
  }
  return { busy: 'runs that keep taking it' };
}

/**
 * Removes a stale lock without removing a fresh one another run made meanwhile: the stale file is
 * renamed to a name of our own (atomic), and put back if what was renamed is not what we judged.
 */
function breakStale(file: string, seen: Buffer): void {
  const mine = `${file}.${process.pid}.stale`;
  try {
    fs.renameSync(file, mine);
  } catch {
    return; // someone else broke it first
  }
  let got: Buffer | undefined;
  try {
    got = fs.readFileSync(mine);
  } catch {
    got = undefined;
  }
  if (got && !got.equals(seen)) {
    try {
      fs.linkSync(mine, file); // a live lock taken meanwhile: give it back (fails if another exists)
    } catch {
      // a third run holds it now: two live locks were possible only in this rare interleaving
    }
  }
  fs.rmSync(mine, { force: true });
}

function busyMessage(dir: string, who: string, waited: number): string {
  return `the output folder ${dir} is in use by another actiplot run (${who})${waited > 0 ? `; waited ${Math.round(waited / 1000)} s` : ''}. ` +
    `Wait for it to finish, or give another --out; if no run is going on, delete ${path.join(dir, LOCK_FILE)}`;
}

/**
 * One try of a wait for the lock: the lock, or how long to sleep before the next try. `told` says
 * whether the caller was told it waits already (it is, at the first busy try).
 */
function poll(dir: string, opts: LockOptions, t0: number, told: { value: boolean }): { lock: OutputLock } | { sleepMs: number } {
  const waitMs = opts.waitMs ?? LOCK_WAIT_MS;
  const a = attempt(dir);
  if ('lock' in a) return a;
  const waited = Date.now() - t0;
  if (waited >= waitMs) return { lock: refused(busyMessage(dir, a.busy, waited)) };
  if (!told.value) opts.onWait?.(`waiting for another actiplot run writing to ${dir} (${a.busy})`);
  told.value = true;
  return { sleepMs: Math.min(100, waitMs - waited) };
}

/** Takes the lock on `dir` (which must exist), waiting for a live holder up to `waitMs`. */
export async function lockOutput(dir: string, opts: LockOptions = {}): Promise<OutputLock> {
  const t0 = Date.now();
  const told = { value: false };
  for (;;) {
    const p = poll(dir, opts, t0, told);
    if ('lock' in p) return p.lock;
    await new Promise((r) => setTimeout(r, p.sleepMs));
  }
}

/** The same for synchronous callers (merge): sleeps between tries without spinning. */
export function lockOutputSync(dir: string, opts: LockOptions = {}): OutputLock {
  const t0 = Date.now();
  const told = { value: false };
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const p = poll(dir, opts, t0, told);
    if ('lock' in p) return p.lock;
    Atomics.wait(sleeper, 0, 0, p.sleepMs);
  }
}
