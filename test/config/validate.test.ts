import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { fileSchema } from '../../src/config/schema.js';
import { check, contour, errorsOf, line } from '../helpers.js';
import * as loaders from '../../src/config/load.js';
import * as validators from '../../src/config/validate.js';

function configFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? configFiles(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : [],
  );
}

describe('every config in configs/', () => {
  const files = configFiles('configs');
  const validate = new Ajv({ strict: false, discriminator: true }).compile(fileSchema);
  it('exists (the seed figures live there)', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
  it.each(files)('%s passes the published JSON Schema', (file) => {
    const ok = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  it.each(files)('%s passes validation with no errors', (file) => {
    expect(check(fs.readFileSync(file, 'utf8'), file).errors.map((e) => e.message)).toEqual([]);
  });
  it('the committed schema/config.schema.json is the one the code publishes', () => {
    expect(JSON.parse(fs.readFileSync('schema/config.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(fileSchema)));
  });
});

describe('validateConfig: defaults', () => {
  it('fills a minimal contour with the seed defaults', () => {
    const [entry] = check(contour()).figures;
    expect(entry.figure).toMatchObject({
      kind: 'contour', width: 800, height: 600, scale: 1, format: 'png', levels: 101, colormap: 'coolwarm', alpha: 1, boundary: null,
      x: { range: [-5, 5], step: 0.1, label: 'x1' }, y: { range: [-5, 5], step: 0.1, label: 'x2' },
      colorbar: { show: true },
    });
  });
  it('gives a line series weights [1] and bias 0 and shows a legend only when a label is given', () => {
    const a = check(line()).figures[0].figure;
    expect(a).toMatchObject({ legend: false, series: [{ weights: [1], bias: 0, derivative: false }] });
    const b = check(line({ series: [{ activation: 'step', label: 'Step Function' }] })).figures[0].figure;
    expect(b).toMatchObject({ legend: true });
  });
  it('accepts { "figures": [...] } with $schema', () => {
    expect(check({ $schema: 'x', figures: [contour({ name: 'a' }), line({ name: 'b' })] }).figures.map((f) => f.figure.name)).toEqual(['a', 'b']);
  });
});

describe('validateConfig: errors name the file, line:column, JSON path and what was expected', () => {
  const cases: [string, unknown, RegExp][] = [
    ['3 weights on a contour', { figures: [contour({ perceptron: { weights: [1, 2, 3], activation: 'relu' } })] },
      /^configs\/a\.json:\d+:\d+: figures\[0\]\.perceptron\.weights: expected 2 numbers for a contour \(inputs x1 and x2\), got 3$/],
    ['2 weights on a line series', line({ series: [{ activation: 'relu', weights: [1, 2] }] }),
      /: series\[0\]\.weights: expected 1 number for a line series \(it has one input, x\), got 2$/],
    ['a misspelt key', contour({ colormapp: 'viridis' }), /: colormapp: unknown key "colormapp" \(did you mean "colormap"\?\)/],
    ['an unknown activation', contour({ perceptron: { weights: [1, 2], activation: 'rellu' } }),
      /: perceptron\.activation: expected an activation \(identity, relu, leaky_relu, .*hard_sigmoid\), got "rellu" \(did you mean "relu"\?\)$/],
    ['an unknown colormap', contour({ colormap: 'viridiss' }), /: colormap: expected a colormap .*got "viridiss" \(did you mean "viridis"\?\)$/],
    ['a wrong type', contour({ alpha: 'high' }), /: alpha: expected a number, got "high"$/],
    ['alpha out of range', contour({ alpha: 2 }), /: alpha: expected an opacity from 0 to 1 <= 1 \(the limit\), got 2$/],
    ['a missing kind', { name: 'x' }, /^configs\/a\.json:1:1: missing required key "kind" \(line, contour, diagram, panels\)$/],
    ['a panel of an unknown kind', { name: 'p', kind: 'panels', panels: [{ kind: 'pie' }] }, /: panels\[0\]\.kind: expected a panel kind \(line, contour, diagram\), got "pie"$/],
    ['a bad value inside a panel', { name: 'p', kind: 'panels', panels: [contour({ name: undefined, alpha: 3 })] }, /: panels\[0\]\.alpha: expected an opacity from 0 to 1 <= 1 \(the limit\), got 3$/],
    ['a name inside a panel', { name: 'p', kind: 'panels', panels: [contour()] }, /: panels\[0\]\.name: unknown key "name"/],
    ['3 weights in a panel', { name: 'p', kind: 'panels', panels: [{ kind: 'contour', perceptron: { weights: [1, 2, 3], activation: 'step' } }] }, /: panels\[0\]\.perceptron\.weights: expected 2 numbers for a contour/],
    ['a bad boundary dash', contour({ boundary: { dash: 'doted' } }), /: boundary\.dash: expected a dash style \(dotted, dashed, dashdot, solid\), got "doted" \(did you mean "dotted"\?\)$/],
    ['a bad format', contour({ format: 'jpg' }), /: format: expected an output format \(png, svg, pdf; gif, apng with a sweep\), got "jpg"$/],
    ['an unknown jumps mode', line({ series: [{ activation: 'step', jumps: 'dots' }] }), /: series\[0\]\.jumps: expected how jumps are drawn/],
    ['an unknown kind', { name: 'x', kind: 'bar' }, /: kind: expected a figure kind \(line, contour, diagram, panels\), got "bar"$/],
    ['a missing perceptron', { name: 'x', kind: 'contour' }, /: give "perceptron" or "network" \(exactly one of them\)$/],
    ['a bad name', contour({ name: 'My Figure' }), /: name: expected the output base name: lowercase letters/],
    ['a path in the name', contour({ name: '../evil' }), /: name: expected the output base name/],
    ['min >= max', line({ x: { range: [5, -5] } }), /: x\.range: expected min < max, got \[5, -5\]$/],
    ['samples below 2', line({ x: { range: [0, 1], samples: 1 } }), /: x\.samples: expected the number of samples, both ends included >= 2, got 1$/],
    ['step <= 0', contour({ x: { range: [0, 1], step: 0 } }), /: x\.step: expected the sample spacing.* > 0, got 0$/],
    ['samples and step', line({ x: { range: [0, 1], samples: 3, step: 0.5 } }), /: x\.step: give "samples" or "step", not both$/],
    ['levels not increasing', contour({ levels: [0, 2, 1] }), /: levels: expected level values in strictly increasing order$/],
    ['levels below 2', contour({ levels: 1 }), /: levels: expected a count of levels >= 2, or an increasing list of level values, got 1$/],
    ['a non-object top level', [1, 2], /^configs\/a\.json:1:1: expected a figure object or \{ "figures": \[ \.\.\. \] \}, got an array of 2$/],
    ['an empty series list', line({ series: [] }), /: series: expected a list of series with at least 1 item, got an array of 0$/],
  ];
  it.each(cases)('%s', (_, config, pattern) => {
    const errors = errorsOf(config);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(pattern);
  });

  it('points at the line and column of the bad value', () => {
    const text = '{\n  "name": "c",\n  "kind": "contour",\n  "perceptron": { "weights": [1, 2, 3], "activation": "relu" }\n}';
    expect(errorsOf(text)).toEqual(['configs/a.json:4:30: perceptron.weights: expected 2 numbers for a contour (inputs x1 and x2), got 3']);
  });
  it('rejects invalid JSON with its position and a hint', () => {
    expect(errorsOf('{"name": "c",}')[0]).toMatch(/^configs\/a\.json:1:14: invalid JSON: .*\(a trailing comma\?\)$/);
    expect(errorsOf('// hi\n{}')[0]).toMatch(/^configs\/a\.json:1:1: invalid JSON: .*\(comments are not JSON\)$/);
    expect(errorsOf('')[0]).toBe('configs/a.json:1:1: the file is empty; expected a JSON object');
  });
  it('rejects 1e999 (Infinity) where a number is expected', () => {
    expect(errorsOf('{"name":"c","kind":"contour","perceptron":{"weights":[1e999,2],"activation":"relu"}}')[0]).toMatch(
      /:1:\d+: perceptron\.weights\[0\]: expected a finite number/,
    );
  });
  it('keeps the good figures of a file when one is bad', () => {
    const r = check({ figures: [contour({ name: 'good' }), contour({ name: 'bad', alpha: -1 })] });
    expect(r.figures.map((f) => f.figure.name)).toEqual(['good']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toMatch(/figures\[1\]\.alpha/);
  });
  it('reports duplicate names within a file at the second place, naming the first', () => {
    const r = check({ figures: [contour({ name: 'same' }), line({ name: 'same' })] });
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(/figures\[1\]\.name: duplicate figure name "same" \(also at figures\[0\]\)$/)]);
  });
});

describe('hostile input: each case gets one line with file:line:column, path and what was expected', () => {
  const raw = (text: string | Uint8Array) => {
    try {
      const { parseConfigText } = loaders;
      const { validateConfig } = validators;
      const v = validateConfig(parseConfigText('configs/h.json', typeof text === 'string' ? Buffer.from(text) : text));
      return v.errors.map((e) => e.message);
    } catch (err) {
      return [(err as Error).message];
    }
  };
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['a trailing comma', '{"name": "a", "kind": "line",}', /^configs\/h\.json:1:30: invalid JSON: .*\(a trailing comma\?\)$/],
    ['a comment', '{\n  // note\n  "name": "a"\n}', /^configs\/h\.json:2:3: invalid JSON: .*\(comments are not JSON\)$/],
    ['a truncated file', '{"name": "a", "kind": "li', /^configs\/h\.json:1:\d+: invalid JSON: Unexpected end of input/],
    ['an empty file', '', /^configs\/h\.json:1:1: the file is empty; expected a JSON object$/],
    ['only whitespace', ' \n\t', /^configs\/h\.json:1:1: the file is empty/],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x0a, 0x22, 0xff, 0x22, 0x7d]), /^configs\/h\.json:2:2: not valid UTF-8 \(byte 3\); save the file as UTF-8$/],
    ['a number at the top', '42', /^configs\/h\.json:1:1: expected a figure object or \{ "figures": \[ \.\.\. \] \}, got 42$/],
    ['a string at the top', '"relu"', /got "relu"$/],
    ['null at the top', 'null', /got null$/],
    ['figures not a list', '{"figures": {}}', /^configs\/h\.json:1:13: figures: expected a list of figures, got an object$/],
    ['a key beside figures', '{"figures": [], "extra": 1}', /: extra: unknown key "extra" beside "figures"/],
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /: JSON nested 100000 levels deep; the limit is 64$/],
    ['a file over 1 MiB', `{"name": "a", "kind": "line", "title": "${'x'.repeat(1_100_000)}"}`, /: file is \d+ bytes; the limit is 1048576/],
    ['width 1e9', JSON.stringify(contour({ width: 1e9 })), /: width: expected the width in pixels <= 8000 \(the limit\), got 1000000000$/],
    ['samples 1e12', JSON.stringify(line({ x: { range: [0, 1], samples: 1e12 } })), /: x: 1000000000000 samples; the limit is 2000000$/],
    ['step 1e-12 on a range of 10', JSON.stringify(contour({ x: { range: [-5, 5], step: 1e-12 } })), /: x: the grid would have 10000000000001 × 101 = \d+ points; the limit is 16000000$/],
    ['scale that makes too many pixels', JSON.stringify(contour({ width: 8000, height: 8000, scale: 2 })), /: scale: the image would have 256000000 pixels .*the limit is 64000000$/],
    ['too many levels', JSON.stringify(contour({ levels: 5000 })), /: levels: expected a count of levels/],
    ['weights that overflow on the grid', JSON.stringify(contour({ perceptron: { weights: [1e308, 1e308], activation: 'relu' } })), /: perceptron: w·x \+ b overflows to Infinity on the grid/],
    ['1e999', '{"name": "a", "kind": "contour", "perceptron": {"weights": [1, 2], "bias": 1e999, "activation": "relu"}}', /:1:\d+: perceptron\.bias: expected a finite number/],
    ['-0 as both ends of a range', JSON.stringify(line({ x: { range: [-0, 0] } })).replace('[0,0]', '[-0,0]'), /: x\.range: expected min < max, got \[-0, 0\]$/],
    ['a reserved device name', JSON.stringify(contour({ name: 'con' })), /: name: "con" is a reserved device name on Windows/],
    ['an absolute path as name', JSON.stringify(contour({ name: '/etc/passwd' })), /: name: expected the output base name/],
    ['a backslash in the name', JSON.stringify(contour({ name: 'a\\b' })), /: name: expected the output base name/],
    ['an empty name', JSON.stringify(contour({ name: '' })), /: name: expected the output base name/],
    ['a wrong type deep inside', JSON.stringify(line({ series: [{ activation: 'relu', bias: '1' }] })), /: series\[0\]\.bias: expected a number, got "1"$/],
    ['a missing required key', JSON.stringify({ name: 'a', kind: 'line' }), /: missing required key "series"$/],
  ];
  it.each(cases)('%s', (_, text, pattern) => {
    const errors = raw(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(pattern);
    expect(errors[0]).not.toContain('\n');
  });
  it('accepts a UTF-8 byte order mark', () => {
    const text = `\uFEFF${JSON.stringify(contour())}`;
    expect(raw(text)).toEqual([]);
  });
});
