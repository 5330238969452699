// Writes docs/config.md, the config reference, from the JSON Schema that validates configs
// (src/config/schema.ts, built into dist/): every key, its type, default and description come from
// the schema itself, so the page cannot drift from what actiplot accepts.
//   node scripts/config-docs.mjs           write docs/config.md
//   node scripts/config-docs.mjs --check   exit 1 when docs/config.md is not what it would write
//   --out <file>                           another file than docs/config.md (the tests use it)
import fs from 'node:fs';
import { fileSchema } from '../dist/config/schema.js';

const outAt = process.argv.indexOf('--out');
const TARGET = outAt > 0 ? new URL(`file://${new URL(process.argv[outAt + 1], `file://${process.cwd()}/`).pathname}`) : new URL('../docs/config.md', import.meta.url);

/** The schema as plain JSON (TypeBox keeps symbols on its objects). */
const root = JSON.parse(JSON.stringify(fileSchema));
const defs = {};

/** Section titles for the objects found under these keys. */
const TITLES = {
  x: 'Axis (`x`, `y`)',
  sweep: 'Sweep',
  points: 'Point (`points[]`)',
  series: 'Series (`series[]`)',
  network: 'Network',
  layers: 'Network layer (`network.layers[]`)',
  perceptron: 'Perceptron',
  colorbar: 'Colorbar',
  boundary: 'Boundary',
  inputName: 'Input name (`x`, `y` of a diagram)',
};

const anchor = (title) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .trim()
    .replace(/ /g, '-');

/** Sections of nested objects, in the order they are first met; keyed by their JSON. */
const sections = new Map();

/**
 * The section of a nested object; objects under the same key (`x` of a line and of a contour)
 * share one. `variant` names one branch of a key that takes two kinds of object.
 */
function section(key, schema, variant) {
  const base = TITLES[key] ?? (key === 'y' ? TITLES.x : `\`${key}\``);
  const title = variant ? `${base}, ${variant}` : base;
  if (!sections.has(title)) sections.set(title, { title, schema, key, variant });
  return sections.get(title);
}

/** What a section says first, where the object's own description is about one use of it. */
const INTROS = {
  [TITLES.x]:
    'An axis: its label, its range [min, max], and how it is sampled: `samples` (n points, both ends included, like numpy.linspace) or `step` (from min up to max, max included when a step lands on it: `{ "range": [-5, 5], "step": 0.1 }` is numpy\'s `arange(-5, 5.1, 0.1)`, 101 points). Ticks are nice round values chosen from the axis length unless given.',
};

/** Defaults that depend on the kind of figure, as resolveFigure computes them. */
const KIND_DEFAULTS = { panels: { width: '600 per column', height: '450 per row, + 40' } };

const plural = (t) => t.replace(/^(number|integer|string)\b/, '$1s');

function resolve(s) {
  if (s && s.$ref) {
    const name = s.$ref.replace('#/$defs/', '');
    return resolve(defs[name] ?? s);
  }
  return s;
}

const code = (v) => `\`${JSON.stringify(v)}\``;

function range(s) {
  const lo = s.minimum;
  if (s.minimum !== undefined && s.maximum !== undefined) return ` ${s.minimum} to ${s.maximum}`;
  if (s.exclusiveMinimum !== undefined && s.maximum !== undefined) return ` > ${s.exclusiveMinimum}, ≤ ${s.maximum}`;
  if (lo !== undefined) return ` ≥ ${lo}`;
  if (s.exclusiveMinimum !== undefined) return ` > ${s.exclusiveMinimum}`;
  if (s.maximum !== undefined) return ` ≤ ${s.maximum}`;
  return '';
}

function isActivation(s) {
  return s && s.if && s.then && s.else && s.else.enum;
}

/** The type of a key in words, with links to the sections of nested objects. */
function typeOf(key, raw, variant) {
  const s = resolve(raw);
  if (isActivation(s)) return '[activation](#activations)';
  if (s.if && s.then && s.else) {
    // Two kinds of value, told apart by a key the first one requires (a network of weights, or from a file).
    const by = s.if.required?.[0];
    return `${typeOf(key, s.then, by ? `with \`${by}\`` : 'first form')} or ${typeOf(key, s.else, by ? `without \`${by}\`` : 'second form')}`;
  }
  if (s.const !== undefined) return code(s.const);
  if (s.enum) return s.enum.map(code).join(' \\| ');
  if (s.anyOf) return s.anyOf.map((x) => typeOf(key, x, variant)).join(' or ');
  if (s.oneOf && s.discriminator) {
    const kinds = s.oneOf.map((x) => resolve(x).properties.kind.const);
    const links = kinds.map((k) => `[${k}](#${k})`).join(', ').replace(/, ([^,]*)$/, ' or $1');
    const figures = s.oneOf.every((x) => resolve(x).properties.name);
    return figures ? `${links} figures` : `${links} plots (the keys of that figure kind without name, width, height, scale, format, sweep)`;
  }
  switch (s.type) {
    case 'boolean':
      return '`true` \\| `false`';
    case 'string':
      return `string${s.maxLength ? ` (≤ ${s.maxLength} characters)` : ''}`;
    case 'number':
      return `number${range(s)}`;
    case 'integer':
      return `integer${range(s)}`;
    case 'array': {
      if (Array.isArray(s.items)) return `[${s.items.map((x) => typeOf(key, x, variant)).join(', ')}]`;
      const count =
        s.minItems !== undefined && s.maxItems !== undefined ? `${s.minItems} to ${s.maxItems} ` : s.maxItems !== undefined ? `up to ${s.maxItems} ` : s.minItems > 1 ? `${s.minItems} or more ` : '';
      return `list of ${count}${plural(typeOf(key, s.items, variant))}`;
    }
    case 'object': {
      if (!s.properties) return 'object';
      // A diagram's x and y name its inputs: an object of one key, not an axis.
      const names = (key === 'x' || key === 'y') && Object.keys(s.properties).join() === 'label';
      const sec = section(names ? 'inputName' : key, s, variant);
      return `[object](#${anchor(sec.title)})`;
    }
    default:
      return 'any';
  }
}

function defaultOf(raw, required) {
  if (required) return 'required';
  const s = resolve(raw);
  return s.default !== undefined ? code(s.default) : '';
}

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function describe(raw) {
  const s = resolve(raw);
  if (isActivation(s)) return 'a name, or an object with a name and parameters';
  return s.description ?? '';
}

/** The table of an object's keys; nested objects found on the way become sections. */
/** `variant`: the branch the object belongs to, passed on to the objects inside it. */
function table(schema, kind, variant) {
  const req = new Set(schema.required ?? []);
  const skip = [];
  const rows = ['| key | type | default | description |', '| --- | --- | --- | --- |'];
  for (const [key, raw] of Object.entries(schema.properties)) {
    if (skip.includes(key)) continue;
    const def = KIND_DEFAULTS[kind]?.[key] ?? defaultOf(raw, req.has(key));
    rows.push(`| \`${key}\` | ${typeOf(key, raw, variant)} | ${def} | ${cell(describe(raw))} |`);
  }
  return rows.join('\n');
}

const figure = root.else;
Object.assign(defs, figure.$defs ?? {});
const kinds = figure.oneOf.map((k) => resolve(k));
const byKind = Object.fromEntries(kinds.map((k) => [k.properties.kind.const, k]));
for (const name of ['line', 'contour', 'diagram', 'panels']) {
  if (!byKind[name]) throw new Error(`config-docs: the schema has no "${name}" figure kind; update scripts/config-docs.mjs`);
}

const KIND_INTRO = {
  line: 'Line graphs of activations or networks of one input: each series is sampled over `x`. Kinks are drawn exactly, jumps with markers.',
  contour: 'Filled contours of what a perceptron or a network of two inputs computes over the `x`, `y` grid, with a colorbar and an optional decision boundary.',
  diagram: 'A diagram of a perceptron or network, as textbooks draw one: input nodes, one circle per neuron with its activation and bias, edges coloured by the sign of their weight and as wide as its size, and with `input` the values flowing through ([diagrams.md](diagrams.md)).',
  panels: 'Several line, contour or diagram plots in a grid under one title. Width and height default to 600 pixels per column and 450 per row.',
};

const out = [];
out.push('<!-- Generated by scripts/config-docs.mjs from the schema in src/config/schema.ts; do not edit.');
out.push('     Change the schema\'s descriptions, then run `npm run docs`. A test fails while this file is stale. -->');
out.push('');
out.push('# Config reference');
out.push('');
const fileKinds = root.description.replace(/\{ "figures": \[ \.\.\. \] \}/, '`{ "figures": [ ... ] }`');
out.push(`A config file is a JSON object: ${fileKinds[0].toLowerCase()}${fileKinds.slice(1)}. Every figure has a \`name\` (its output file is \`<name>.<format>\`) and a \`kind\`:`);
out.push('[`line`](#line), [`contour`](#contour), [`diagram`](#diagram) or [`panels`](#panels). Keys not listed here are errors (with "did you mean" for near misses).');
out.push('');
out.push('The same rules are published as a JSON Schema: `actiplot schema` prints it, and [`schema/config.schema.json`](../schema/config.schema.json) is a copy;');
out.push('point a config\'s `"$schema"` at it for completion in editors. Numbers must be finite; checks a schema cannot express (ranges with min < max,');
out.push('shapes of weights, sizes within the [limits](limits.md)) are listed in [errors.md](errors.md). Examples of whole configs: [guide.md](guide.md).');
out.push('');
out.push('A default of "required" means the key must be given; an empty default means the key is optional and has none (or one that depends on other keys, as its description says).');
out.push('');
out.push('## A file of several figures');
out.push('');
out.push(table(root.then));
out.push('');
out.push('## Figures');
for (const name of ['line', 'contour', 'diagram', 'panels']) {
  out.push('');
  out.push(`### ${name}`);
  out.push('');
  out.push(KIND_INTRO[name]);
  out.push('');
  out.push(table(byKind[name], name));
}
out.push('');
out.push('## Objects');
for (let i = 0; i < sections.size; i++) {
  const sec = [...sections.values()][i];
  out.push('');
  out.push(`### ${sec.title}`);
  out.push('');
  const intro = INTROS[sec.title] ?? sec.schema.description;
  if (intro) out.push(`${intro[0].toUpperCase()}${intro.slice(1)}${intro.endsWith('.') ? '' : '.'}`, '');
  out.push(table(sec.schema, undefined, sec.variant));
}

// Activations: the names and parameters, straight from the schema's if/then branches.
const activationSchema = resolve(byKind.line.properties.series.items ? resolve(byKind.line.properties.series).items : undefined)?.properties?.activation;
const act = resolve(activationSchema);
if (!isActivation(act)) throw new Error('config-docs: series.activation is not the activation schema any more; update scripts/config-docs.mjs');
const then = resolve(act.then);
const params = {};
for (const branch of then.allOf.map(resolve)) {
  const name = branch.if?.properties?.name?.const;
  if (!name) continue;
  params[name] = Object.entries(branch.then.properties)
    .filter(([k]) => k !== 'name')
    .map(([k, p]) => `\`${k}\`: ${p.description ?? p.type}`);
}
out.push('');
out.push('## Activations');
out.push('');
out.push('An activation is a name, `"relu"`, or an object with a name and parameters, `{ "name": "leaky_relu", "slope": 0.1 }`;');
out.push('a parameter left out takes its default. The formulas are in [activations.md](activations.md).');
out.push('');
out.push('| name | parameters |');
out.push('| --- | --- |');
for (const name of act.else.enum) out.push(`| \`${name}\` | ${cell((params[name] ?? []).join('; ') || '—')} |`);
out.push('');

const text = out.join('\n');
if (process.argv.includes('--check')) {
  const now = fs.existsSync(TARGET) ? fs.readFileSync(TARGET, 'utf8') : '';
  if (now !== text) {
    process.stderr.write(`${TARGET.pathname} is stale: run "npm run docs" and commit it\n`);
    process.exit(1);
  }
} else {
  fs.mkdirSync(new URL('.', TARGET), { recursive: true });
  fs.writeFileSync(TARGET, text);
  process.stdout.write(`wrote ${TARGET.pathname}\n`);
}
