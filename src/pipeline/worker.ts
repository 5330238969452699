/**
 * A pool worker: a child process that renders the jobs it is sent, like the pool's own process
 * does (drawing one figure while others encode), and sends the bytes back. Exits when its parent
 * goes away, so a killed run leaves no workers behind.
 */
import { preload, renderHere } from './in-process.js';
import type { CancelMessage, JobMessage, WorkerMessage } from './protocol.js';

/** Jobs rendered at once: one drawn while the others encode. */
const AT_ONCE = 2;

function send(m: WorkerMessage): void {
  // The parent may be gone already (a run that finished, or was killed): then there is no one to tell.
  if (process.connected) process.send?.(m, undefined, {}, () => {});
}

/** Jobs in the order they came; the pool counts on it (see `gone` in pool.ts). */
const queue: JobMessage[] = [];
/** Jobs the pool took back; skipped without a reply if they have not started. */
const cancelled = new Set<number>();
let active = 0;

function pump(): void {
  while (active < AT_ONCE && queue.length > 0) {
    const m = queue.shift()!;
    if (cancelled.delete(m.id)) continue;
    active++;
    void renderHere(m.figure, m.mode).then((o) => {
      active--;
      send(o.ok ? { type: 'done', id: m.id, bytes: o.bytes, format: o.format, width: o.width, height: o.height, ms: o.ms, alt: o.alt } : { type: 'failed', id: m.id, message: o.message, ms: o.ms });
      // A turn of the event loop first, so that a cancel sent meanwhile is seen.
      setImmediate(pump);
    });
  }
}

process.on('message', (m: JobMessage | CancelMessage) => {
  if (m?.type === 'cancel') cancelled.add(m.id);
  if (m?.type !== 'job') return;
  queue.push(m);
  // Messages that came together are all read before the first job starts.
  setImmediate(pump);
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
// While the first job is on its way. A job that comes first waits for the same load.
preload().catch(() => {});
