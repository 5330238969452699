import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { plan } from '../../src/pipeline/plan.js';
import { describeFigure } from '../../src/alt/describe-figure.js';
import { figureLang } from '../../src/alt/figure-lang.js';
import { resolveActivation } from '../../src/core/activation.js';
import { forward } from '../../src/core/network.js';
import { buildNetwork } from '../../src/core/sample-figure.js';
import { sweepFrames } from '../../src/config/sweep.js';
import type { ResolvedContourPlot, ResolvedFigure, ResolvedLinePlot, ResolvedPlot } from '../../src/model/figure.js';

/**
 * Every shipped config's alt text, in English and Japanese, as reviewed (test/alt/expected-alt.json:
 * read against the figures in output/ when it was written). A change in wording shows up here in
 * review; the checks below recompute the numbers the words state, independently of src/alt/.
 */
const jobs = plan(['configs']).jobs;
const expected = JSON.parse(fs.readFileSync('test/alt/expected-alt.json', 'utf8')) as Record<string, { en: string; ja: string }>;

const num = (s: string) => Number(s.replace('\u2212', '-'));
const N = '(\u2212?[0-9.]+)';

function plots(f: ResolvedFigure): ResolvedPlot[] {
  // A sweep is described by its first and last frames.
  if (f.sweep) return [sweepFrames(f)[0], sweepFrames(f).at(-1)!].flatMap(plots);
  return f.kind === 'panels' ? f.panels : [f];
}

/** The seed's grid of a contour axis: arange(lo, hi + step/2, step), or linspace with samples. */
function axis(a: ResolvedContourPlot['x']): number[] {
  const [lo, hi] = a.range;
  if (a.step !== undefined) return Array.from({ length: Math.round((hi - lo) / a.step) + 1 }, (_, i) => lo + i * a.step!);
  const n = a.samples ?? 2;
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

describe('describeFigure(figure) of every shipped config', () => {
  it('has a reviewed expectation for every figure of configs/, and no stale one', () => {
    expect(Object.keys(expected).sort()).toEqual(jobs.map((j) => j.figure.name).sort());
  });
  it.each(jobs.map((j) => [j.figure.name, j.figure] as const))('%s reads as reviewed, in English and Japanese', (name, fig) => {
    expect(describeFigure({ ...fig, lang: 'en' })).toBe(expected[name].en);
    expect(describeFigure({ ...fig, lang: 'ja' })).toBe(expected[name].ja);
  });
  it('the figure\'s own language by default: relu-ja is Japanese (its title is), relu English', () => {
    const byName = (n: string) => jobs.find((j) => j.figure.name === n)!.figure;
    expect(figureLang(byName('relu-ja'))).toBe('ja');
    expect(describeFigure(byName('relu-ja'))).toBe(expected['relu-ja'].ja);
    expect(figureLang(byName('relu'))).toBe('en');
    expect(describeFigure(byName('relu'))).toBe(expected.relu.en);
  });
  it('a plot kind the describers do not know leaves the title alone (no half sentence)', () => {
    const relu = jobs.find((j) => j.figure.name === 'relu')!.figure;
    expect(describeFigure({ ...relu, kind: 'venn' } as unknown as ResolvedFigure)).toBe('ReLU function');
  });
  it('"alt" in a config is used as it is', () => {
    const relu = jobs.find((j) => j.figure.name === 'relu')!.figure;
    expect(describeFigure({ ...relu, alt: 'My own words.' })).toBe('My own words.');
  });
  it('the issue\'s example, word for word', () => {
    expect(expected['perceptron-relu-1'].en).toBe('Perceptron Outputs (ReLU). Filled contour of ReLU(x1 + 2·x2 − 5) for x1 and x2 from −5 to 5: zero below the line x1 + 2x2 = 5, rising to 10 at (5, 5).');
  });
});

describe('alt texts checked against the numbers (recomputed here, not by src/alt/)', () => {
  const perceptronPlots = jobs.flatMap((j) => plots(j.figure).filter((p): p is ResolvedContourPlot => p.kind === 'contour' && !!p.perceptron).map((p) => [j.figure.name, p] as const));
  it.each(perceptronPlots.map(([n, p], i) => [`${n} #${i}`, n, p] as const))('%s: the boundary line is w·x + b = 0 and the extreme is the grid\'s', (_, name, p) => {
    const text = expected[name].en;
    const [w1, w2] = p.perceptron!.weights;
    const b = p.perceptron!.bias;
    // Every equation "c1x1 + c2x2 = r" in the text that names this perceptron's line has c ∝ w and r = −b.
    const eqs = [...text.matchAll(/the line (\u2212?[0-9.]*)x1 ([+\u2212]) ([0-9.]*)x2 = (\u2212?[0-9.]+)/g)].map((m) => {
      const c1 = m[1] === '' ? 1 : m[1] === '\u2212' ? -1 : num(m[1]);
      const c2 = (m[3] === '' ? 1 : num(m[3])) * (m[2] === '+' ? 1 : -1);
      return [c1, c2, num(m[4])];
    });
    expect(eqs.some(([c1, c2, r]) => c1 === w1 && c2 === w2 && r === -b)).toBe(true);
    const f = resolveActivation(p.perceptron!.activation).f;
    const xs = axis(p.x);
    const ys = axis(p.y);
    let max = -Infinity;
    for (const y of ys) for (const x of xs) max = Math.max(max, f(w1 * x + w2 * y + b));
    for (const m of text.matchAll(new RegExp(`rising to ${N} at \\(${N}, ${N}\\)`, 'g'))) {
      const [v, x, y] = [num(m[1]), num(m[2]), num(m[3])];
      if (v !== Math.round(max * 1000) / 1000) continue; // another panel's maximum
      expect(f(w1 * x + w2 * y + b)).toBeCloseTo(max, 9);
      return;
    }
    // A step or the identity states its values instead: 0 and 1, or the plane's extremes.
    if (resolveActivation(p.perceptron!.activation).name === 'step') expect(text).toMatch(/zero (below|above) the line [^.]* and 1 (above|below) it/);
    else expect(text).toContain(`to ${String(max).replace('-', '\u2212')} at`);
  });

  const lineFigures = jobs.filter((j) => plots(j.figure).some((p) => p.kind === 'line' && p.series.length === 1 && !p.series[0].network));
  it.each(lineFigures.map((j) => [j.figure.name, j.figure] as const))('%s: every "V at x = X" of the line is f(X) within the rounding', (name, fig) => {
    const p = plots(fig)[0] as ResolvedLinePlot;
    const s = p.series[0];
    const f = resolveActivation(s.activation).f;
    // A jump's limits are values on either side, not at its point: left out here.
    const text = expected[name].en.replace(/a jump from [^;.]*/g, '');
    const pairs = [...text.matchAll(new RegExp(`${N} at [a-z]+ = ${N}`, 'g'))];
    for (const m of pairs) expect(Math.abs(f(s.weights[0] * num(m[2]) + s.bias) - num(m[1]))).toBeLessThan(0.01);
    // "V for x from A to B": f is V across the stretch.
    const flats = [...text.matchAll(new RegExp(`${N} for [a-z]+ from ${N} to ${N}`, 'g'))];
    for (const m of flats) for (const t of [0.01, 0.5, 0.99]) expect(f(s.weights[0] * (num(m[2]) + (num(m[3]) - num(m[2])) * t) + s.bias)).toBeCloseTo(num(m[1]), 9);
    expect(pairs.length + flats.length).toBeGreaterThan(0);
    const [lo, hi] = p.x.range;
    expect(text).toContain(`from ${String(lo).replace('-', '\u2212')} to ${hi}`);
  });

  it('xor-network: the share of the plot above 0.5 is the network\'s, counted on the grid', () => {
    const fig = jobs.find((j) => j.figure.name === 'xor-network')!.figure;
    const out = plots(fig)[0] as ResolvedContourPlot;
    const net = buildNetwork(out.network!.spec);
    const xs = axis(out.x);
    const ys = axis(out.y);
    let above = 0;
    for (const y of ys) for (const x of xs) if (forward(net, [x, y])[0] > 0.5) above++;
    const share = Math.round((100 * above) / (xs.length * ys.length));
    expect(expected['xor-network'].en).toContain(`above 0.5 in one region, ${share}% of the plot around (0.5, 0.5)`);
  });

  it('moons-line-slices: each stretch "above 0.5 for x1 from A to B" is where the network\'s output is above 0.5', () => {
    const fig = jobs.find((j) => j.figure.name === 'moons-line-slices')!.figure as ResolvedLinePlot & ResolvedFigure;
    const sentences = expected['moons-line-slices'].en.split('. “').slice(1);
    expect(sentences).toHaveLength(fig.series.length);
    fig.series.forEach((s, i) => {
      const net = buildNetwork(s.network!);
      const out = (x: number) => forward(net, [x])[0];
      const stretches = [...sentences[i].matchAll(new RegExp(`(?:for x1 )?from ${N} to ${N}`, 'g'))].slice(1).map((m) => [num(m[1]), num(m[2])]);
      expect(stretches.length).toBeGreaterThan(0);
      for (const [a, b] of stretches) {
        expect(out((a + b) / 2)).toBeGreaterThan(0.5);
        if (a > -5) expect(out(a - 0.1)).toBeLessThan(0.5);
        if (b < 5) expect(out(b + 0.1)).toBeLessThan(0.5);
      }
    });
  });

  it('moons-probability-epoch-30: the misclassified count is the data points the network gets wrong (output > 0.5 is class 1)', () => {
    const fig = jobs.find((j) => j.figure.name === 'moons-probability-epoch-30')!.figure as ResolvedContourPlot & ResolvedFigure;
    const net = buildNetwork(fig.network!.spec);
    const { xs, ys, classes } = fig.data!.points;
    // As the figure draws them: the points inside the plot are counted and judged, the others only counted.
    let wrong = 0;
    let outside = 0;
    const perClass = [0, 0];
    for (let i = 0; i < xs.length; i++) {
      if (Math.abs(xs[i]) > 5 || Math.abs(ys[i]) > 5) {
        outside++;
        continue;
      }
      perClass[classes[i]]++;
      if ((forward(net, [xs[i], ys[i]])[0] > 0.5 ? 1 : 0) !== classes[i]) wrong++;
    }
    expect(wrong).toBeGreaterThan(0);
    expect(outside).toBeGreaterThan(0);
    expect(expected['moons-probability-epoch-30'].en).toContain(`${xs.length - outside} data points drawn over it: ${perClass[0]} of upper moon and ${perClass[1]} of lower moon; ${wrong} misclassified, ringed; ${outside} outside the plot, not drawn.`);
  });

  it('three-class-classes: each named class\'s share is where the network puts it, counted on the grid', () => {
    const fig = jobs.find((j) => j.figure.name === 'three-class-classes')!.figure as ResolvedContourPlot & ResolvedFigure;
    const net = buildNetwork(fig.network!.spec);
    const xs = axis(fig.x);
    const ys = axis(fig.y);
    const wins = [0, 0, 0];
    for (const y of ys) for (const x of xs) {
      const o = forward(net, [x, y]);
      wins[o.indexOf(Math.max(...o))]++;
    }
    const text = expected['three-class-classes'].en;
    ['blob A', 'blob B', 'blob C'].forEach((name, c) => expect(text).toContain(`${name} in ${Math.round((100 * wins[c]) / (xs.length * ys.length))}% of the plot`));
  });

  it('three-class-onnx: each class\'s share is where its probability is the highest, counted on the grid', () => {
    const fig = jobs.find((j) => j.figure.name === 'three-class-onnx')!.figure;
    const p = plots(fig)[0] as ResolvedContourPlot;
    const net = buildNetwork(p.network!.spec);
    const xs = axis(p.x);
    const ys = axis(p.y);
    const wins = [0, 0, 0];
    for (const y of ys) for (const x of xs) {
      const o = forward(net, [x, y]);
      wins[o.indexOf(Math.max(...o))]++;
    }
    const text = expected['three-class-onnx'].en;
    wins.forEach((n, c) => expect(text).toContain(`class ${c} in ${Math.round((100 * n) / (xs.length * ys.length))}% of the plot`));
  });
});
