/**
 * A pool worker: a child process (node-canvas is not safe in worker threads) that renders one
 * figure per message and sends the bytes back. Exits when its parent goes away, so a killed run
 * leaves no workers behind.
 */
import { preload, renderOutcome, rendererFor } from './render-job.js';
import type { CancelMessage, JobMessage, WorkerMessage } from './protocol.js';

function send(m: WorkerMessage): void {
  // The parent may be gone already (a run that finished, or was killed): then there is no one to tell.
  if (process.connected) process.send?.(m, undefined, {}, () => {});
}

/** The jobs in the order they came, one at a time: the pool counts on it (see `gone` in pool.ts). */
let previous: Promise<void> = Promise.resolve();
/** Jobs the pool took back; they are skipped without a reply. */
const cancelled = new Set<number>();

process.on('message', (m: JobMessage | CancelMessage) => {
  if (m?.type === 'cancel') cancelled.add(m.id);
  if (m?.type !== 'job') return;
  previous = previous.then(async () => {
    // One turn of the event loop first, so that a cancel sent while the last job ran is seen.
    await new Promise((r) => setImmediate(r));
    if (cancelled.delete(m.id)) return;
    const o = renderOutcome(await rendererFor(m.figure), m.figure);
    send(o.ok ? { type: 'done', id: m.id, bytes: o.bytes, format: o.format, fileName: o.fileName, width: o.width, height: o.height, ms: o.ms } : { type: 'failed', id: m.id, message: o.message, ms: o.ms });
  });
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
// While the first job is on its way (or, for a worker started early, while the run is planned).
// A job that comes first waits for the same load; a failure here is the first job's to report.
preload().catch(() => {});
