/**
 * `npm run bench`: how fast actiplot is, where the time goes and how cost grows. Prints Markdown
 * tables and writes the numbers as JSON (bench/results/latest.json, or --json <file>).
 *
 *   npm run bench                       everything (a few minutes)
 *   npm run bench -- --quick            fewer repetitions, for a quick look
 *   npm run bench -- --only stages,batch    some sections: stages, scaling, contours, batch, memory
 */
import fs from 'node:fs';
import path from 'node:path';
import { machine } from './stats.js';
import { ROOT, seedFigures } from './figures.js';
import { stagesAndFloor } from './stages.js';
import { scaling } from './scaling.js';
import { batch } from './batch.js';
import { contours } from './contours.js';
import { memory } from './memory.js';
import { markdown, targets } from './report.js';
import type { BenchResult } from './result.js';


const SECTIONS = ['stages', 'scaling', 'contours', 'batch', 'memory'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const quick = process.argv.includes('--quick');
const sections = (arg('only') ?? SECTIONS.join(',')).split(',').map((s) => s.trim());
for (const s of sections) if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section "${s}" (${SECTIONS.join(', ')})`);
const runs = Number(arg('runs') ?? (quick ? 7 : 21));
const warmup = quick ? 2 : 5;
const jsonFile = arg('json') ?? path.join(ROOT, 'bench/results/latest.json');
const mdFile = arg('markdown') ?? path.join(ROOT, 'bench/results/latest.md');

const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
const result: BenchResult = { date: new Date().toISOString(), machine: machine(), options: { runs, warmup, quick, sections } };

if (sections.includes('stages')) {
  log('per figure and stage, with the floor');
  result.stages = stagesAndFloor(seedFigures(), runs, warmup);
}
if (sections.includes('scaling')) {
  log('scaling: grid, line samples, image size');
  result.scaling = scaling(runs, warmup);
}
if (sections.includes('contours')) {
  log('contours: 100 figures beside the floor program and matplotlib, one figure from a cold start');
  result.contours = await contours(100, quick ? 3 : 7, quick ? 1 : 3);
}
if (sections.includes('batch')) {
  log('batch: 200 figures, --jobs 1 and 2, two halves at once, no-op, --version');
  result.batch = await batch(200, quick ? 1 : 5, quick ? 3 : 7);
}
if (sections.includes('memory')) {
  log('memory: 1,000 figures in one process');
  result.memory = memory(1000, 100);
}

const text = `${markdown(result)}\n`;
process.stdout.write(text);
fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
fs.writeFileSync(jsonFile, `${JSON.stringify({ ...result, targets: targets(result) }, null, 2)}\n`);
fs.mkdirSync(path.dirname(mdFile), { recursive: true });
fs.writeFileSync(mdFile, text);
log(`wrote ${path.relative(process.cwd(), jsonFile)} and ${path.relative(process.cwd(), mdFile)}`);
