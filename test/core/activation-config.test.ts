/**
 * Activations in configs: a name or { "name", parameters }, validated by the JSON Schema with errors
 * that say what is wrong; resolved labels; sampling of a parametrised series.
 */
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { fileSchema } from '../../src/config/schema.js';
import { sampleFigure, type LineData } from '../../src/core/sample-figure.js';
import type { ResolvedLine } from '../../src/model/figure.js';
import { activationNames } from '../../src/core/activation.js';
import { check, contour, errorsOf, line } from '../helpers.js';

const series = (activation: unknown, more: Record<string, unknown> = {}) => line({ series: [{ activation, ...more }] });
const names = activationNames.join(', ');

describe('activation specs that validate', () => {
  const good: [string, unknown][] = [
    ['every name as a string', { name: 'l', kind: 'line', series: activationNames.map((activation) => ({ activation })) }],
    ['every name as { name }', { name: 'l', kind: 'line', series: activationNames.map((name) => ({ activation: { name } })) }],
    ['leaky_relu with a slope', series({ name: 'leaky_relu', slope: 0.1 })],
    ['elu with an alpha', series({ name: 'elu', alpha: 0.5 }, { derivative: true })],
    ['a parametrised perceptron', contour({ perceptron: { weights: [1, 2], activation: { name: 'leaky_relu', slope: 0.2 } } })],
    ['a parametrised series in a panel', { name: 'p', kind: 'panels', panels: [{ kind: 'line', series: [{ activation: { name: 'elu', alpha: 2 } }] }] }],
  ];
  const publish = new Ajv({ strict: false, discriminator: true }).compile(fileSchema);
  it.each(good)('%s', (_, cfg) => {
    expect(errorsOf(cfg)).toEqual([]);
    expect(publish(cfg), JSON.stringify(publish.errors)).toBe(true);
  });
});

describe('activation specs that do not, with the message a user sees', () => {
  const bad: [string, unknown, RegExp][] = [
    ['a misspelt name', series('sigmoidd'), new RegExp(`: series\\[0\\]\\.activation: expected an activation \\(${names}\\), got "sigmoidd" \\(did you mean "sigmoid"\\?\\)$`)],
    ['a number', series(3), /: series\[0\]\.activation: expected an activation \(.*\), got 3$/],
    ['null', series(null), /: series\[0\]\.activation: expected an activation \(.*\), got null$/],
    ['a misspelt name in an object', series({ name: 'gelu_tan' }), /: series\[0\]\.activation\.name: expected an activation \(.*\), got "gelu_tan" \(did you mean "gelu_tanh"\?\)$/],
    ['an object without a name', series({ slope: 0.1 }), /: series\[0\]\.activation: missing required key "name" \(identity, relu, /],
    ['an unknown parameter', series({ name: 'leaky_relu', alpha: 0.1 }), /: series\[0\]\.activation\.alpha: unknown key "alpha"; expected one of name, slope$/],
    ['a parameter of another activation', series({ name: 'elu', slope: 0.1 }), /: series\[0\]\.activation\.slope: unknown key "slope"; expected one of name, alpha$/],
    ['a parameter on one that takes none', series({ name: 'relu', slope: 0.1 }), /: series\[0\]\.activation\.slope: unknown key "slope"; expected one of name$/],
    ['a parameter of the wrong type', series({ name: 'leaky_relu', slope: '0.1' }), /: series\[0\]\.activation\.slope: expected a number, got "0\.1"$/],
    ['a boolean parameter in a perceptron', contour({ perceptron: { weights: [1, 2], activation: { name: 'elu', alpha: true } } }), /: perceptron\.activation\.alpha: expected a number, got true$/],
    ['a parameter too large for a double', '{"name":"l","kind":"line","series":[{"activation":{"name":"elu","alpha":1e999}}]}', /:1:\d+: series\[0\]\.activation\.alpha: expected a finite number/],
  ];
  it.each(bad)('%s', (_, cfg, message) => {
    const errors = errorsOf(cfg);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });
  it('points at the line and column of the offending key', () => {
    const text = '{\n  "name": "l",\n  "kind": "line",\n  "series": [{ "activation": { "name": "leaky_relu", "slop": 0.1 } }]\n}';
    expect(errorsOf(text)[0]).toMatch(/^configs\/a\.json:4:\d+: series\[0\]\.activation\.slop: unknown key "slop" \(did you mean "slope"\?\); expected one of name, slope$/);
  });
});

describe('resolved activations', () => {
  it('keeps the spec, and labels a series by its name and non-default parameters', () => {
    const fig = check(line({ series: [
      { activation: { name: 'leaky_relu', slope: 0.1 } },
      { activation: { name: 'elu' }, derivative: true },
      { activation: 'swish' },
      { activation: 'relu', derivative: true },
    ] })).figures[0].figure as ResolvedLine;
    expect(fig.series.map((s) => s.activation)).toEqual([{ name: 'leaky_relu', slope: 0.1 }, { name: 'elu' }, 'swish', 'relu']);
    expect(fig.series.map((s) => s.label)).toEqual(['leaky_relu(slope=0.1)', "elu'", 'swish', "relu'"]);
  });
  it('samples a parametrised series with its parameter and its kink exactly at x = 0', () => {
    const fig = check(line({ x: { range: [-1, 1], samples: 4 }, series: [{ activation: { name: 'leaky_relu', slope: 0.5 } }] })).figures[0].figure as ResolvedLine;
    const data = sampleFigure(fig) as LineData;
    const { xs, ys } = data.series[0].pieces[0];
    expect(Array.from(xs)).toContain(0);
    const i = Array.from(xs).indexOf(-1);
    expect(ys[i]).toBe(-0.5);
    expect(ys[xs.length - 1]).toBe(1);
  });
  it('a contour takes a parametrised perceptron', () => {
    const fig = check(contour({ x: { range: [-1, 1], step: 1 }, y: { range: [-1, 1], step: 1 }, perceptron: { weights: [1, 0], bias: 0, activation: { name: 'leaky_relu', slope: 0.5 } } })).figures[0].figure;
    const data = sampleFigure(fig);
    expect(data.kind === 'contour' && Array.from(data.grid.z.slice(0, 3))).toEqual([-0.5, 0, 1]);
  });
});
