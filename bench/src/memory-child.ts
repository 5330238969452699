/**
 * Renders every config under argv[2] into argv[3] in this one process (the library's render with
 * jobs: 1, as `render --jobs 1` does) and prints, as JSON, the RSS after every `every` figures and
 * the peak RSS of the process.
 */
import { render } from '../../dist/index.js';
import type { Reporter } from '../../dist/pipeline/progress.js';

const [configs, out, everyArg] = process.argv.slice(2);
const every = Number(everyArg ?? 100);
const samples: { figures: number; rssMiB: number }[] = [];
let rendered = 0;
const mib = (bytes: number) => bytes / 2 ** 20;
const reporter: Reporter = {
  start() {},
  figure(e) {
    if (e.status === 'failed') throw new Error(`${e.name}: ${e.message}`);
    rendered++;
    if (rendered % every === 0) samples.push({ figures: rendered, rssMiB: mib(process.memoryUsage().rss) });
  },
  error(line) {
    process.stderr.write(`${line}\n`);
  },
  note() {},
  end() {},
};
const t0 = performance.now();
const result = await render({ configs: [configs], out, jobs: 1, gallery: false, reporter });
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ figures: rendered, failed: result.failed.length, ms, samples, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
