/**
 * A pool worker: a child process (node-canvas is not safe in worker threads) that renders one
 * figure per message and sends the bytes back. Exits when its parent goes away, so a killed run
 * leaves no workers behind.
 */
import { renderOutcome, rendererFor } from './render-job.js';
import type { JobMessage, WorkerMessage } from './protocol.js';

function send(m: WorkerMessage): void {
  // The parent may be gone already (a run that finished, or was killed): then there is no one to tell.
  if (process.connected) process.send?.(m, undefined, {}, () => {});
}

/** The jobs in the order they came, one at a time: the pool counts on it (see `gone` in pool.ts). */
let previous: Promise<void> = Promise.resolve();

process.on('message', (m: JobMessage) => {
  if (m?.type !== 'job') return;
  previous = previous.then(async () => {
    const o = renderOutcome(await rendererFor(m.figure), m.figure);
    send(o.ok ? { type: 'done', id: m.id, bytes: o.bytes, format: o.format, fileName: o.fileName, width: o.width, height: o.height, ms: o.ms } : { type: 'failed', id: m.id, message: o.message, ms: o.ms });
  });
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
