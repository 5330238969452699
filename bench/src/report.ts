/** The benchmark's Markdown: targets first, then each section's table. */
import type { BenchResult } from './result.js';
import type { ScalePoint } from './scaling.js';
import { ms, ratio } from './stats.js';

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((h, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export interface Target {
  what: string;
  measured: number;
  goal: string;
  met: boolean;
}

export function targets(r: BenchResult): Target[] {
  const out: Target[] = [];
  if (r.stages) {
    const contour = r.stages.figures.find((f) => f.kind === 'contour')!;
    out.push({ what: `contour figure (${contour.name}) / floor`, measured: contour.ratio, goal: '≤ 1.3×', met: contour.ratio <= 1.3 });
  }
  if (r.contours) {
    const c = r.contours;
    out.push({ what: `${c.figures} contour figures: \`actiplot render\` / the floor program`, measured: c.renderOfFloor, goal: '≤ 1.15×', met: c.renderOfFloor <= 1.15 });
    if (c.matplotlibOfRender !== null) out.push({ what: `${c.figures} contour figures: matplotlib / \`actiplot render\``, measured: c.matplotlibOfRender, goal: '≥ 11×', met: c.matplotlibOfRender >= 11 });
    out.push({ what: 'one contour figure from a cold start: `actiplot render` / the floor program', measured: c.singleOfFloor, goal: '≤ 1.5×', met: c.singleOfFloor <= 1.5 });
  }
  if (r.scaling) {
    const g = r.scaling.grid;
    const a = g.find((p) => p.n === 101);
    const b = g.find((p) => p.n === 1001);
    if (a && b) out.push({ what: 'contour 1001² grid / 101² grid', measured: b.render / a.render, goal: '≤ 1.5×', met: b.render / a.render <= 1.5 });
  }
  if (r.batch) {
    out.push({ what: `no-op run of ${r.batch.figures} figures / \`actiplot --version\``, measured: r.batch.noopRatio, goal: '< 1.5×', met: r.batch.noopRatio < 1.5 });
  }
  if (r.memory) {
    out.push({ what: `RSS after figure ${r.memory.samples.at(-1)!.figures} / after figure ${r.memory.samples[0].figures}`, measured: r.memory.growth, goal: '≤ 1.10×', met: r.memory.growth <= 1.1 });
  }
  return out;
}

function scaleTable(first: string, points: ScalePoint[], extra?: (p: ScalePoint) => string, extraHead?: string): string {
  const head = [first, 'sample', 'layout', 'draw', 'encode', 'render ms', ...(extraHead ? [extraHead] : []), `× ${points[0].label}`];
  return table(head, points.map((p) => [p.label, ms(p.sample), ms(p.layout), ms(p.draw), ms(p.encode), ms(p.render), ...(extra ? [extra(p)] : []), ratio(p.ratio)]));
}

export function markdown(r: BenchResult): string {
  const m = r.machine;
  const parts: string[] = [];
  parts.push(`Measured ${r.date} on ${m.nproc} cores (${m.cpu}), Node ${m.node}, ${m.platform}, ${m.memoryGiB} GiB. Times in ms, medians of ${r.options.runs} runs after ${r.options.warmup} warm-up runs unless noted.`);
  const t = targets(r);
  if (t.length) {
    parts.push('### Targets (ratios measured in this run)');
    parts.push(table(['target', 'measured', 'goal', 'met'], t.map((x) => [x.what, ratio(x.measured), x.goal, x.met ? 'yes' : '**no**'])));
  }
  if (r.stages) {
    const f = r.stages.floor;
    parts.push('### Per figure and stage (in one process)');
    parts.push(table(
      ['figure', 'kind', 'pixels', 'sample', 'layout', 'draw', 'encode', 'write', 'render', '× floor'],
      [
        ...r.stages.figures.map((x) => [`${x.name} (${x.what})`, x.kind, `${x.width} × ${x.height}`, ms(x.sample), ms(x.layout), ms(x.draw), ms(x.encode), ms(x.write), ms(x.render), ratio(x.ratio)]),
        ['floor: every pixel from f, putImageData, the same PNG encoding', '–', '800 × 600', `fill ${ms(f.fill)}`, '–', `put ${ms(f.put)}`, ms(f.encode), '–', ms(f.total), ratio(1)],
      ],
    ));
    parts.push('`render` = sample + layout + draw + encode, the span the floor covers; `write` (atomic write of the file) is reported beside it.');
  }
  if (r.scaling) {
    const s = r.scaling;
    parts.push('### Scaling: contour grid at 800 × 600');
    parts.push(scaleTable('grid', s.grid));
    parts.push('### Scaling: line samples (ReLU, 800 × 600)');
    parts.push(scaleTable('samples', s.line));
    parts.push('### Scaling: image size (the contour, `scale` 1 to 4)');
    parts.push(scaleTable('pixels', s.size, (p) => ms(p.render / (p.width * p.height / 1e6)), 'ms per Mpx'));
  }
  if (r.contours) {
    const c = r.contours;
    const n = c.runs.render.length;
    parts.push(`### ${c.figures} contour figures as whole processes (wall time from spawn to exit, medians of ${n} runs; ${c.cores} cores)`);
    parts.push(table(['run', 'ms', 'ms per figure', 'ratio'], [
      ['`actiplot render` (default --jobs), fresh output folder', ms(c.render), ms(c.render / c.figures), '1.00×'],
      ['`actiplot render --jobs 1`', ms(c.jobs1), ms(c.jobs1 / c.figures), ratio(c.jobs1 / c.render)],
      ['`actiplot render --jobs 2`', ms(c.jobs2), ms(c.jobs2 / c.figures), ratio(c.jobs2 / c.render)],
      ['floor program: node-canvas colours the same pixels, 4 encodes in flight', ms(c.floor), ms(c.floor / c.figures), ratio(c.floor / c.render)],
      ...(c.matplotlib !== null ? [[`matplotlib (contourf + colorbar + savefig, one Python process; ${c.runs.matplotlib.length} runs)`, ms(c.matplotlib), ms(c.matplotlib / c.figures), ratio(c.matplotlib / c.render)]] : []),
      ['one figure from a cold start: `actiplot render` of one config', ms(c.single), '–', ratio(c.single / c.render)],
      ['one figure from a cold start: the floor program', ms(c.floorSingle), '–', ratio(c.floorSingle / c.render)],
      ...(c.matplotlibSingle !== null ? [['one figure from a cold start: matplotlib (one Python process)', ms(c.matplotlibSingle), '–', ratio(c.matplotlibSingle / c.render)]] : []),
    ]));
    parts.push('Where the one figure\'s cold start goes, beside the floor program\'s one figure:');
    parts.push(table(['process', 'ms', '× the floor program'], [
      ['`actiplot render` of the one config', ms(c.single), ratio(c.single / c.floorSingle)],
      ['the bundled drawing code alone, the figure resolved ahead of time (draw-only.ts)', ms(c.drawOnly), ratio(c.drawOnly / c.floorSingle)],
      ['`actiplot validate` of the config (the CLI starting, reading and checking it; no drawing)', ms(c.validate), ratio(c.validate / c.floorSingle)],
      ['`actiplot --version` (node and the CLI starting)', ms(c.version), ratio(c.version / c.floorSingle)],
      ['node running an empty module', ms(c.node), ratio(c.node / c.floorSingle)],
      ['the floor program', ms(c.floorSingle), '1.00×'],
      ...(c.matplotlibSingle !== null ? [['matplotlib drawing the one figure (one Python process)', ms(c.matplotlibSingle), ratio(c.matplotlibSingle / c.floorSingle)]] : []),
      // The two halves of a render, each measured alone, with node's start counted once.
      ['validate + draw-only − node: the two halves a render must do, one after the other', ms(c.validate + c.drawOnly - c.node), ratio((c.validate + c.drawOnly - c.node) / c.floorSingle)],
      ['the floor program + (validate − node): the floor\'s drawing with the CLI and the check on top', ms(c.floorSingle + c.validate - c.node), ratio((c.floorSingle + c.validate - c.node) / c.floorSingle)],
    ]));
    if (c.matplotlib === null) parts.push('matplotlib was not measured: install Debian\'s python3-matplotlib.');
  }
  if (r.batch) {
    const b = r.batch;
    parts.push(`### Batch: \`actiplot render\` of ${b.figures} contour configs (wall time from spawn to exit; medians of ${b.runs.jobs1.length} / ${b.runs.noop.length} runs)`);
    parts.push(table(['run', 'ms', 'ms per figure', 'CPU ms', 'ratio'], [
      ['--jobs 1, fresh output folder', ms(b.jobs1), ms(b.jobs1 / b.figures), ms(b.jobs1Cpu), '–'],
      ['--jobs 2, fresh output folder', ms(b.jobs2), ms(b.jobs2 / b.figures), ms(b.jobs2Cpu), `${ratio(b.speedup)} faster`],
      [`two --jobs 1 runs of ${b.figures / 2} figures each, started together`, ms(b.halves), ms(b.halves / b.figures), ms(b.halvesCpu), `${ratio(b.halvesSpeedup)} faster`],
      ['again, nothing changed (no-op)', ms(b.noop), '–', '–', `${ratio(b.noopRatio)} of --version`],
      ['one contour figure from a cold start (one config, fresh folder)', ms(b.single), '–', '–', '–'],
      ['`actiplot --version`', ms(b.version), '–', '–', '1.00×'],
      ['`node -e 0` (Node start-up alone)', ms(b.node), '–', '–', ratio(b.node / b.version)],
    ]));
    parts.push(`--jobs 1 / --jobs 2 within each round (the three fresh-folder runs one after another): ${b.pairSpeedups.map(ratio).join(', ')}.`);
    parts.push(`The two half runs share nothing and wait for nothing: ${ratio(b.halvesSpeedup)} is what two Node processes gain over one on this machine for this work, the yardstick for --jobs 2, whose gain is ${(100 * b.ofHalves).toFixed(0)} % of it.`);
    parts.push('CPU ms: all processes and threads of a run (Linux). --jobs 1 keeps more than one core busy at times already (V8 compiles and collects garbage on helper threads); a second renderer adds its own start-up, warm-up and messages.');
  }
  if (r.memory) {
    const mem = r.memory;
    parts.push(`### Memory: ${mem.figures} contour figures in one process (\`render\`, jobs 1; ${ms(mem.ms)} ms)`);
    parts.push(table(['figures rendered', ...mem.samples.map((s) => String(s.figures))], [['RSS MiB', ...mem.samples.map((s) => s.rssMiB.toFixed(1))]]));
    parts.push(`Peak RSS ${mem.peakRssMiB.toFixed(1)} MiB; RSS after ${mem.samples.at(-1)!.figures} / after ${mem.samples[0].figures}: ${ratio(mem.growth)}.`);
  }
  return parts.join('\n\n');
}
