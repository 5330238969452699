/**
 * Validation: the JSON Schema (Ajv) first, then what a schema cannot say. Each figure is checked on
 * its own, so one bad figure in a file does not stop the others. Every error is a ConfigError that
 * names the file, the line:column, the JSON path and what was expected.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { AxisConfig, ContourPlotConfig, FigureConfig, PlotConfig, TypedNetworkConfig } from './schema.js';
import { isFileNetwork } from './is-file-network.js';
import { loadFigureModels } from './model-networks.js';
import { loadFigurePoints } from './figure-points.js';
import { createRequire } from 'node:module';
import { validate as passesSchema } from '../generated/figure-check.js';
import { inlineRefs, type Json } from './schema-refs.js';
import { shapeErrors } from '../core/network.js';
import { ConfigError, describe, displayPath, quote, suggest, type Location } from './messages.js';
import { LIMITS } from './limits.js';
import { DATA_LIMITS } from '../data/data-limits.js';
import { budgetProblems } from './budget.js';
import { colorProblem } from './css-color.js';
import { DEFAULTS, resolveFigure, resolveSweepValues } from './defaults.js';
import type { FigureModels, ResolvedFigure } from '../model/figure.js';
import { numberFits, sweepPath, sweepTarget } from './sweep-path.js';
import { stepRangeLength } from '../core/sample.js';
import type { LoadedConfig } from './load.js';
import { describeChar, firstUncovered } from '../text/coverage.js';
import { fontFiles } from '../text/fonts.js';
import { setPath } from './set-path.js';
import { checkDiagram, diagramTexts } from './check-diagram.js';

export { setPath };

const fontFamilies = () => [...new Set(fontFiles().map((f) => f.family))].join(', ');

/**
 * The JSON Schema check: Ajv's code for `Figure`, generated at build time (scripts/validator-source.mjs)
 * because compiling the schema took 150–300 ms of every CLI call. Two validators of the same schema:
 * every figure goes through the small one, which only says whether it passes; the one that says why
 * (every error, with its subschema) loads when a figure fails, or a sweep's path is asked about.
 */
type Explainer = ValidateFunction & { sharedSubschemas: { [key: string]: Json } };
let explainer: Explainer | undefined;
const explainerOf = (): Explainer => (explainer ??= createRequire(import.meta.url)('../generated/figure-explain.cjs') as Explainer);

/** The schema's errors of `value` (a figure that failed the check), each pointing at its subschema as schema.ts wrote it. */
function schemaErrors(value: unknown): ErrorObject[] {
  const validate = explainerOf();
  const defs = validate.sharedSubschemas;
  validate(value);
  return (validate.errors ?? []).map((e) => ({
    ...e,
    schema: inlineRefs(e.schema as Json, defs),
    parentSchema: e.parentSchema && (inlineRefs(e.parentSchema as Json, defs) as ErrorObject['parentSchema']),
  }));
}

export interface FigureEntry {
  /** Index in the file's `figures` list, or -1 for a file that is one figure. */
  index: number;
  /** JSON pointer of the figure object within the file. */
  pointer: string;
  figure: ResolvedFigure;
  /**
   * Where its name stands, for errors found later (duplicates across files). A function, because
   * finding it parses the file a second time for positions, which only an error needs.
   */
  locateName?: () => Location | undefined;
}

export interface ValidatedFile {
  file: string;
  figures: FigureEntry[];
  errors: ConfigError[];
}

export function validateConfig(loaded: LoadedConfig): ValidatedFile {
  const { file, value } = loaded;
  const out: ValidatedFile = { file, figures: [], errors: [] };
  const fail = (pointer: string, detail: string) =>
    new ConfigError(file, displayPath(splitPointer(pointer)), detail, loaded.locate(pointer));

  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.errors.push(fail('', `expected a figure object or { "figures": [ ... ] }, got ${describe(value)}`));
    return out;
  }
  const obj = value as Record<string, unknown>;
  let items: { pointer: string; index: number; value: unknown }[];
  if ('figures' in obj) {
    const extra = Object.keys(obj).filter((k) => k !== 'figures' && k !== '$schema');
    if (extra.length > 0) {
      out.errors.push(fail(`/${escapePointer(extra[0])}`, `unknown key ${quote(extra[0])} beside "figures" (a file is one figure or { "figures": [ ... ] })`));
      return out;
    }
    if (!Array.isArray(obj.figures)) {
      out.errors.push(fail('/figures', `expected a list of figures, got ${describe(obj.figures)}`));
      return out;
    }
    if (obj.figures.length > LIMITS.figures) {
      out.errors.push(fail('/figures', `${obj.figures.length} figures; the limit is ${LIMITS.figures} per file`));
      return out;
    }
    items = obj.figures.map((v, i) => ({ pointer: `/figures/${i}`, index: i, value: v }));
  } else {
    items = [{ pointer: '', index: -1, value }];
  }

  const seen = new Map<string, string>();
  for (const item of items) {
    try {
      const r = figureErrors(item.value, item.pointer, fail, file);
      if (r.errors.length > 0) {
        out.errors.push(...r.errors);
        continue;
      }
      const figure = r.figure!;
      // A sweep of a line or contour also gets a contact sheet: a second output, `<name>-sheet.png`.
      const outputs = figure.sweep && figure.sweep.sheet > 0 && figure.kind !== 'panels'
        ? [figure, { ...figure, name: `${figure.name}-sheet`, format: 'png' as const }]
        : [figure];
      for (const f of outputs) {
        const prior = seen.get(f.name);
        if (prior !== undefined) {
          throw fail(`${item.pointer}/name`, `duplicate figure name "${f.name}" (also at ${prior || 'the top level'})`);
        }
      }
      for (const f of outputs) {
        seen.set(f.name, displayPath(splitPointer(item.pointer)));
        out.figures.push({ index: item.index, pointer: item.pointer, figure: f, locateName: () => loaded.locate(`${item.pointer}/name`) });
      }
    } catch (err) {
      if (err instanceof ConfigError) out.errors.push(err);
      else throw err;
    }
  }
  return out;
}

type Fail = (pointer: string, detail: string) => ConfigError;

/** Errors reported per figure: enough to fix several typos in one go, few enough to read. */
export const MAX_FIGURE_ERRORS = 5;

type Attempt = (check: () => void) => void;

/** Every error of one figure (up to MAX_FIGURE_ERRORS), or the resolved figure when there is none. */
/** `file`: the config file, which model files are relative to. */
function figureErrors(value: unknown, base: string, fail: Fail, file: string, schemaChecked = false): { figure?: ResolvedFigure; errors: ConfigError[] } {
  if (!schemaChecked) {
    const nonFinite = findNonFinite(value, base);
    if (nonFinite) return { errors: [fail(nonFinite, 'expected a finite number, got a number too large for a double (it reads as Infinity)')] };
    if (!passesSchema(value)) {
      return { errors: inFileOrder(schemaProblems(schemaErrors(value)).slice(0, MAX_FIGURE_ERRORS).map(([pointer, detail]) => fail(base + pointer, detail))) };
    }
  }
  const f = value as FigureConfig;
  const errors: ConfigError[] = [];
  const attempt: Attempt = (check) => {
    if (errors.length >= MAX_FIGURE_ERRORS) return;
    try {
      check();
    } catch (err) {
      if (err instanceof ConfigError) errors.push(err);
      else throw err;
    }
  };
  checkSemantics(f, base, fail, attempt);
  // The frames of a sweep repeat every error of the figure itself: check them only once it is valid.
  let frameModels: FigureModels[] | null = null;
  if (errors.length === 0 && f.sweep) attempt(() => void (frameModels = checkSweep(f, base, fail, file)));
  if (errors.length > 0) return { errors: inFileOrder(errors) };
  let figure: ResolvedFigure | undefined;
  attempt(() => {
    const models = loadFigureModels(f, file, base, fail);
    figure = resolveFigure(f, models, loadFigurePoints(f, file, base, fail, models));
    if (figure.sweep) figure.sweep.frameModels = frameModels;
  });
  if (!figure) return { errors };
  // The contact sheet of a sweep is a second output with `sheet` frames side by side: its own cost.
  const sheet = figure.sweep && figure.sweep.sheet > 0 && figure.kind !== 'panels' ? [{ ...figure, format: 'png' as const }] : [];
  const over = [
    ...budgetProblems(figure),
    ...sheet.flatMap((s) => budgetProblems(s).map((p) => ({ ...p, key: 'sweep/sheet', detail: `its contact sheet of ${s.sweep!.sheet} frames is ${p.detail}` }))),
  ];
  if (over.length > 0) return { errors: over.map((p) => fail(p.key && (p.key !== 'neurons' || f.kind === 'contour') ? `${base}/${p.key}` : base, p.detail)) };
  return { figure, errors: [] };
}

/** Errors in the order they stand in the file, as a reader goes through it. */
function inFileOrder(errors: ConfigError[]): ConfigError[] {
  return errors.sort((a, b) => (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || (a.loc?.column ?? 0) - (b.loc?.column ?? 0));
}

function checkFigure(value: unknown, base: string, fail: Fail, file: string, schemaChecked = false): ResolvedFigure {
  const r = figureErrors(value, base, fail, file, schemaChecked);
  if (r.errors.length > 0) throw r.errors[0];
  return r.figure!;
}

/** JSON allows 1e999; it parses to Infinity, which no figure can use. Found without recursion limits mattering (depth is capped on load). */
function findNonFinite(v: unknown, pointer: string): string | undefined {
  // Almost every config has none: look first without building a pointer for every value.
  return hasNonFinite(v) ? firstNonFinite(v, pointer) : undefined;
}

function hasNonFinite(v: unknown): boolean {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (Array.isArray(v)) return v.some(hasNonFinite);
  return v !== null && typeof v === 'object' && Object.values(v).some(hasNonFinite);
}

function firstNonFinite(v: unknown, pointer: string): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : pointer;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const r = firstNonFinite(v[i], `${pointer}/${i}`);
      if (r) return r;
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const r = firstNonFinite(x, `${pointer}/${escapePointer(k)}`);
      if (r) return r;
    }
  }
  return undefined;
}

/** Ajv's errors most useful first: the deepest, and at equal depth a union's own summary. */
function rankErrors(errors: ErrorObject[]): ErrorObject[] {
  const depth = (e: ErrorObject) => {
    const extra = e.keyword === 'additionalProperties' || e.keyword === 'required' ? 1 : 0;
    return (e.instancePath === '' ? 0 : e.instancePath.split('/').length - 1) + extra;
  };
  const rank = (e: ErrorObject) => (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'discriminator' ? 1 : 0);
  return [...errors].sort((a, b) => depth(b) - depth(a) || rank(b) - rank(a));
}

/** Where an error is about: its value, or the key it names (a missing or an unknown key). */
function siteOf(e: ErrorObject): string {
  const p = e.params as { missingProperty?: string; additionalProperty?: string };
  if (e.keyword === 'required') return `${e.instancePath}/${escapePointer(String(p.missingProperty))}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${escapePointer(String(p.additionalProperty))}`;
  return e.instancePath;
}

const within = (site: string, of: string) => site === of || site.startsWith(`${of}/`);

/**
 * One error per problem, most useful first: an error at a value that holds (or is) a more precise
 * error is that error's summary (a union's "expected one of"), so it is dropped. A missing required
 * key beside an unknown key that is close to it is one typo: `unknown key "wieghts" (did you mean
 * "weights"?)`, not two unrelated errors.
 */
function schemaProblems(errors: ErrorObject[]): [string, string][] {
  const chosen: ErrorObject[] = [];
  for (const e of rankErrors(errors)) {
    const site = siteOf(e);
    if (chosen.some((c) => within(siteOf(c), site))) continue;
    chosen.push(e);
  }
  // Pair each missing key with the unknown key beside it that is probably its misspelling.
  const pairs = new Map<ErrorObject, [string, string]>();
  const paired = new Set<ErrorObject>();
  for (const e of chosen) {
    if (e.keyword !== 'required') continue;
    const key = String((e.params as { missingProperty: string }).missingProperty);
    const typo = chosen.find((u) => !paired.has(u) && u.keyword === 'additionalProperties' && u.instancePath === e.instancePath &&
      suggest(String((u.params as { additionalProperty: string }).additionalProperty), [key]) !== '');
    if (!typo) continue;
    const wrong = String((typo.params as { additionalProperty: string }).additionalProperty);
    const problem: [string, string] = [`${e.instancePath}/${escapePointer(wrong)}`, `unknown key ${quote(wrong)} (did you mean "${key}"?)`];
    paired.add(e).add(typo);
    pairs.set(e, problem).set(typo, problem);
  }
  const out: [string, string][] = [];
  const done = new Set<[string, string]>();
  for (const e of chosen) {
    const pair = pairs.get(e);
    if (pair) {
      if (!done.has(pair)) out.push(pair);
      done.add(pair);
    } else out.push(withBound(explain(e), e, errors));
  }
  return out;
}

/**
 * A union's summary ("a count of levels >= 2, or a list ...") hides the bound a value of the right
 * type passed: add it, so `levels: 1001` says the limit is 1000.
 */
function withBound([pointer, detail]: [string, string], e: ErrorObject, all: ErrorObject[]): [string, string] {
  if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') return [pointer, detail];
  const bound = all.find((b) => b.instancePath === e.instancePath && (b.keyword === 'maximum' || b.keyword === 'maxItems'));
  return bound ? [pointer, `${detail} (the limit is ${(bound.params as { limit: number }).limit})`] : [pointer, detail];
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number', integer: 'a whole number', string: 'a string', boolean: 'true or false',
  object: 'an object', array: 'a list', null: 'null',
};

function explain(e: ErrorObject): [string, string] {
  const p = e.params as Record<string, unknown>;
  const schema = e.parentSchema as { description?: string; properties?: Record<string, unknown>; enum?: string[] } | undefined;
  const got = describe(e.data);
  const what = schema?.description;
  switch (e.keyword) {
    case 'required': {
      const key = String(p.missingProperty);
      const choices = (schema?.properties?.[key] as { enum?: string[] } | undefined)?.enum;
      return [e.instancePath, `missing required key "${key}"${choices ? ` (${choices.join(', ')})` : ''}`];
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const known = Object.keys(schema?.properties ?? {}).filter((k) => k !== '$schema');
      return [`${e.instancePath}/${escapePointer(key)}`, `unknown key ${quote(key)}${suggest(key, known)}; expected one of ${known.join(', ')}`];
    }
    case 'discriminator': {
      const kinds = ((schema?.properties?.kind as { enum?: string[] } | undefined)?.enum ?? []) as string[];
      if (p.error === 'tag' && e.data && typeof e.data === 'object' && !('kind' in e.data)) {
        return [e.instancePath, `missing required key "kind" (${kinds.join(', ')})`];
      }
      return [`${e.instancePath}/kind`, `expected a kind (${kinds.join(', ')}), got ${describe(p.tagValue)}${suggest(String(p.tagValue), kinds)}`];
    }
    case 'enum':
      return [e.instancePath, `expected ${what ?? `one of ${(p.allowedValues as string[]).join(', ')}`}, got ${got}${typeof e.data === 'string' ? suggest(e.data, p.allowedValues as string[]) : ''}`];
    case 'const':
      return [e.instancePath, `expected ${JSON.stringify(p.allowedValue)}, got ${got}`];
    case 'type':
      return [e.instancePath, `expected ${what && e.instancePath.endsWith('range') ? what : TYPE_NAMES[String(p.type)] ?? String(p.type)}, got ${got}`];
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' }[e.keyword];
      const limitNote = e.keyword === 'maximum' ? ' (the limit)' : '';
      return [e.instancePath, `expected ${what ?? 'a number'} ${op} ${p.limit}${limitNote}, got ${got}`];
    }
    case 'minItems':
    case 'maxItems':
      return [e.instancePath, `expected ${what ?? 'a list'} with ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${p.limit} item${p.limit === 1 ? '' : 's'}, got ${got}`];
    case 'pattern':
    case 'maxLength':
      return [e.instancePath, `expected ${what ?? 'a different string'}, got ${got}`];
    case 'anyOf':
    case 'oneOf':
      return [e.instancePath, `expected ${what ?? 'a different value'}, got ${got}`];
    default:
      return [e.instancePath, `${e.message ?? 'invalid value'}, got ${got}`];
  }
}

/** Every string that becomes text on the figure, with its pointer. */
function textsOf(p: PlotConfig, base: string): [string, string | undefined][] {
  if (p.kind === 'diagram') return diagramTexts(p, base);
  const out: [string, string | undefined][] = [
    [`${base}/title`, p.title],
    [`${base}/x/label`, p.x?.label],
    [`${base}/y/label`, p.y?.label],
    ...(p.points ?? []).map((pt, i): [string, string | undefined] => [`${base}/points/${i}/label`, pt.label]),
  ];
  if (p.kind === 'line') p.series.forEach((s, i) => out.push([`${base}/series/${i}/label`, s.label]));
  else if (typeof p.colorbar === 'object') out.push([`${base}/colorbar/label`, p.colorbar.label]);
  if (p.kind === 'contour' && typeof p.boundary === 'object' && typeof p.boundary.label === 'string') out.push([`${base}/boundary/label`, p.boundary.label]);
  if (p.kind === 'contour') (p.classes ?? []).forEach((c, i) => out.push([`${base}/classes/${i}`, c]));
  return out;
}

function checkTexts(texts: [string, string | undefined][], fail: Fail): void {
  for (const [pointer, text] of texts) {
    if (!text) continue;
    if (text.length > LIMITS.textChars) {
      throw fail(pointer, `a text of ${text.length} characters; the limit is ${LIMITS.textChars} (more than a figure can show)`);
    }
    const ch = firstUncovered(text);
    if (ch === undefined) continue;
    throw fail(pointer, `the character ${describeChar(ch)} is in no registered font (${fontFamilies()}); remove it or replace it`);
  }
}

/** Names Windows reserves for devices: a file called `con.png` cannot be created there. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/;

function checkSemantics(f: FigureConfig, base: string, fail: Fail, attempt: Attempt): void {
  const animated = f.format === 'gif' || f.format === 'apng';
  attempt(() => {
    if (animated && !f.sweep) throw fail(`${base}/format`, `"${f.format}" is an animation format; it needs a "sweep"`);
    if (f.sweep && f.format && !animated) throw fail(`${base}/format`, `a sweep renders an animation: expected "gif" or "apng", got "${f.format}"`);
  });
  if (f.sweep?.label !== undefined) attempt(() => checkTexts([[`${base}/sweep/label`, f.sweep!.label]], fail));
  attempt(() => {
    if (RESERVED.test(f.name)) throw fail(`${base}/name`, `"${f.name}" is a reserved device name on Windows; choose another name`);
  });
  attempt(() => {
    // The background reaches SVG attributes and the canvas like any colour; "transparent" draws none.
    if (f.background !== undefined && f.background !== 'transparent') {
      const problem = colorProblem(f.background);
      if (problem) throw fail(`${base}/background`, `${problem.replace(/^expected /, 'expected "transparent" or ')}`);
    }
    // The alt text goes into PNG text chunks, SVG and PDF metadata: printable text and line breaks only.
    const control = f.alt !== undefined ? /[\u0000-\u0008\u000b-\u001f\u007f]/.exec(f.alt) : null;
    if (control) throw fail(`${base}/alt`, `the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} cannot stand in an alt text; remove it`);
  });
  attempt(() => {
    const scale = f.scale ?? 1;
    const pixels = (f.width ?? DEFAULTS.width) * (f.height ?? DEFAULTS.height) * scale * scale;
    if (pixels > LIMITS.imagePixels) {
      throw fail(`${base}/scale`, `the image would have ${Math.round(pixels)} pixels (width × height × scale²); the limit is ${LIMITS.imagePixels}`);
    }
  });
  if (f.kind === 'panels') {
    attempt(() => checkTexts([[`${base}/title`, f.title]], fail));
    f.panels.forEach((p, i) => checkPlot(p, `${base}/panels/${i}`, fail, attempt));
  } else {
    checkPlot(f, base, fail, attempt);
  }
}

/** Every colour a plot's config gives, with its pointer. */
function colorsOf(p: PlotConfig, base: string): [string, string | undefined][] {
  if (p.kind === 'diagram') return [];
  const out: [string, string | undefined][] = (p.points ?? []).map((pt, i) => [`${base}/points/${i}/color`, pt.color]);
  if (p.kind === 'line') p.series.forEach((s, i) => out.push([`${base}/series/${i}/color`, s.color]));
  else if (typeof p.boundary === 'object') out.push([`${base}/boundary/color`, p.boundary.color]);
  return out;
}

function checkPlot(f: PlotConfig, base: string, fail: Fail, attempt: Attempt): void {
  attempt(() => checkTexts(textsOf(f, base), fail));
  if (f.kind === 'diagram') return attempt(() => checkDiagram(f, base, fail));
  for (const [pointer, color] of colorsOf(f, base)) {
    const problem = color === undefined ? undefined : colorProblem(color);
    if (problem) attempt(() => { throw fail(pointer, problem); });
  }
  const axes = [['x', f.x], ['y', f.y]] as const;
  for (const [name, a] of axes) {
    if (!a) continue;
    const at = `${base}/${name}`;
    attempt(() => {
      if (a.range && !(a.range[0] < a.range[1])) {
        throw fail(`${at}/range`, `expected min < max, got [${a.range.map(describe).join(', ')}]`);
      }
      if (a.samples !== undefined && a.step !== undefined) {
        throw fail(`${at}/step`, 'give "samples" or "step", not both');
      }
      if (Array.isArray(a.ticks) && !isIncreasing(a.ticks)) throw fail(`${at}/ticks`, 'expected tick values in increasing order');
    });
  }
  if (f.kind === 'contour') attempt(() => checkContour(f, base, fail));
  else {
    const xr = f.x?.range ?? DEFAULTS.lineRange;
    f.series.forEach((s, i) => attempt(() => {
      const at = `${base}/series/${i}`;
      if ((s.activation === undefined) === (s.network === undefined)) throw fail(at, 'give "activation" (a perceptron) or "network" (exactly one of them)');
      if (s.network) {
        if (s.weights || s.bias !== undefined) throw fail(`${at}/${s.weights ? 'weights' : 'bias'}`, 'a network series takes its weights and biases from "network"');
        if (s.derivative) throw fail(`${at}/derivative`, 'the derivative of a network series is not available; plot the network itself');
        if (!isFileNetwork(s.network)) checkNetwork(s.network, 1, `${at}/network`, 'a line series', fail);
      }
      if (s.weights && s.weights.length !== 1) {
        throw fail(`${at}/weights`, `expected 1 number for a line series (it has one input, x), got ${s.weights.length}`);
      }
      const reach = Math.abs(s.weights?.[0] ?? 1) * Math.max(Math.abs(xr[0]), Math.abs(xr[1])) + Math.abs(s.bias ?? 0);
      if (!Number.isFinite(reach)) throw fail(at, 'w·x + b overflows to Infinity over the x range; use a smaller weight, bias or range');
    }));
    attempt(() => {
      const n = axisPoints(f.x, DEFAULTS.lineRange, undefined);
      if (n > LIMITS.samples) throw fail(`${base}/x`, `${n} samples; the limit is ${LIMITS.samples}`);
    });
  }
}

function checkContour(f: ContourPlotConfig, base: string, fail: Fail): void {
  if ((f.perceptron === undefined) === (f.network === undefined)) {
    throw fail(base, 'give "perceptron" or "network" (exactly one of them)');
  }
  if (f.network && !isFileNetwork(f.network)) checkNetwork(f.network, 2, `${base}/network`, 'a contour', fail, (f.view ?? 'output') !== 'output');
  if (f.neurons && !f.network) throw fail(`${base}/neurons`, '"neurons" shows the hidden neurons of a "network"; this contour has a perceptron');
  const w = f.perceptron?.weights ?? [0, 0];
  if (w.length !== 2) {
    throw fail(`${base}/perceptron/weights`, `expected 2 numbers for a contour (inputs x1 and x2), got ${w.length}`);
  }
  if (Array.isArray(f.levels) && !isIncreasing(f.levels)) {
    throw fail(`${base}/levels`, 'expected level values in strictly increasing order');
  }
  const nx = axisPoints(f.x, DEFAULTS.contourRange, DEFAULTS.contourStep);
  const ny = axisPoints(f.y, DEFAULTS.contourRange, DEFAULTS.contourStep);
  if (nx * ny > LIMITS.gridPoints) {
    throw fail(`${base}/x`, `the grid would have ${nx} × ${ny} = ${nx * ny} points; the limit is ${LIMITS.gridPoints}`);
  }
  const xr = f.x?.range ?? DEFAULTS.contourRange;
  const yr = f.y?.range ?? DEFAULTS.contourRange;
  const reach = Math.abs(w[0]) * Math.max(Math.abs(xr[0]), Math.abs(xr[1])) + Math.abs(w[1]) * Math.max(Math.abs(yr[0]), Math.abs(yr[1])) + Math.abs(f.perceptron?.bias ?? 0);
  if (!Number.isFinite(reach)) throw fail(`${base}/perceptron`, 'w·x + b overflows to Infinity on the grid; use smaller weights, bias or ranges');
}

/**
 * A sweep must name a number the figure's schema declares (sweep-path.ts), and every frame must be
 * a valid figure, so no frame can fail half-way through an animation. Each frame's value is checked
 * (not only the ends): a whole-number key swept over fractional frames fails at its first such frame.
 * Only the swept value differs between frames: both ends get the whole-figure schema check, and a
 * frame between them whose value fits the schema at that key (numberFits) gets only the checks a
 * schema cannot make, so a 500-frame sweep of a large network does not run the schema 500 times.
 */
function checkSweep(f: FigureConfig, base: string, fail: Fail, file: string): FigureModels[] | null {
  const sw = f.sweep!;
  checkSweepForm(sw, base, fail);
  const path = sweepPath(sw.path);
  const { sweep: _sweep, format: _format, ...rest } = f;
  const target = sweepTarget(rest, path, (v) => (explainerOf()(v) ? [] : (explainerOf().errors ?? [])));
  const listed = sw.values !== undefined;
  const notValue = (why: string) =>
    fail(`${base}/sweep/path`, listed
      ? `${quote(sw.path)} does not name a value in this figure: ${why} (e.g. "perceptron.bias", "network.file", "perceptron.activation")`
      : `${quote(sw.path)} does not name a number in this figure: ${why} (e.g. "perceptron.bias", "perceptron.weights.0", "series.0.bias")`);
  if (typeof target === 'string') throw notValue(target);
  const takesNumber = target.accepts.has('number') || target.accepts.has('integer');
  const takes = [...target.accepts].map((t) => TYPE_NAMES[t] ?? t).join(' or ');
  if (!listed && !takesNumber) throw notValue(`the schema takes ${takes} there`);
  const values = resolveSweepValues(sw);
  // A swept model file (or its layers) is a different model in each frame: each frame reads its own.
  const perFrameModels = listed && path.includes('network');
  const frameModels: FigureModels[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const at = listed ? `values/${i}` : i === 0 ? 'from' : i === values.length - 1 ? 'to' : 'frames';
    const shown = typeof v === 'string' ? JSON.stringify(v) : formatNumber(v);
    if (listed && !(typeof v === 'string' ? target.accepts.has('string') : takesNumber)) {
      throw fail(`${base}/sweep/${at}`, `expected ${takes} for ${sw.path}, got ${typeof v === 'string' ? `the string ${shown}` : `the number ${shown}`}`);
    }
    const frame = setPath(rest, path, v);
    try {
      const middle = i > 0 && i < values.length - 1;
      checkFigure(frame, base, fail, file, middle && typeof v === 'number' && numberFits(target, v) === true);
      if (perFrameModels) frameModels.push(loadFigureModels(frame as FigureConfig, file, base, fail));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      const which = listed ? `frame ${i + 1} of ${values.length}` : at === 'frames' ? `frame ${i + 1} of ${values.length}` : 'frame';
      throw fail(`${base}/sweep/${at}`, `the ${which} at ${sw.path} = ${shown} is invalid: ${err.detail}`);
    }
  }
  return perFrameModels ? frameModels : null;
}

/** A sweep gives `values`, or `from`, `to` and `frames`; `labels`, one per value, instead of `label`. */
function checkSweepForm(sw: NonNullable<FigureConfig['sweep']>, base: string, fail: Fail): void {
  const range = (['from', 'to', 'frames'] as const).filter((k) => sw[k] !== undefined);
  if (sw.values) {
    if (range.length > 0) throw fail(`${base}/sweep/${range[0]}`, 'give "values" or "from", "to" and "frames", not both');
  } else {
    const missing = (['from', 'to', 'frames'] as const).find((k) => sw[k] === undefined);
    if (missing) throw fail(`${base}/sweep`, `missing required key "${missing}" (a sweep takes "values", or "from", "to" and "frames")`);
  }
  if (sw.labels) {
    if (!sw.values) throw fail(`${base}/sweep/labels`, '"labels" name the frames of "values"; with "from" and "to" use "label" with {value}');
    if (sw.label !== undefined) throw fail(`${base}/sweep/label`, 'give "label" or "labels", not both');
    if (sw.labels.length !== sw.values.length) throw fail(`${base}/sweep/labels`, `expected ${sw.values.length} labels (one per value), got ${sw.labels.length}`);
    checkTexts(sw.labels.map((t, i): [string, string] => [`${base}/sweep/labels/${i}`, t]), fail);
  }
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

/** Layer-to-layer shapes, the input count and a single output; errors name the layer and the row. */
/** `classifier`: a class or probability view, which draws every output (up to the classes a view can colour). */
function checkNetwork(net: TypedNetworkConfig, inputs: number, at: string, what: string, fail: Fail, classifier = false): void {
  const [first] = shapeErrors(net.layers, inputs);
  if (first) throw fail(`${at}/layers/${first.path.join('/')}`, first.message);
  const last = net.layers.length - 1;
  const outputs = net.layers[last].weights.length;
  if (classifier) {
    if (outputs > DATA_LIMITS.classes) throw fail(`${at}/layers/${last}/weights`, `${outputs} outputs; a class view colours at most ${DATA_LIMITS.classes} classes`);
    return;
  }
  if (outputs !== 1) throw fail(`${at}/layers/${last}/weights`, `expected 1 output neuron in the last layer for ${what}${inputs === 2 ? ' (or "view": "class" for a classifier)' : ''}, got ${outputs}`);
}

/** Points an axis will be sampled at, computed without allocating (so limits hold before any work). */
function axisPoints(a: AxisConfig | undefined, range: [number, number], defaultStep: number | undefined): number {
  const [lo, hi] = a?.range ?? range;
  if (a?.samples !== undefined) return a.samples;
  const step = a?.step ?? defaultStep;
  return step === undefined ? 0 : stepRangeLength(lo, hi, step);
}

function isIncreasing(v: readonly number[]): boolean {
  for (let i = 1; i < v.length; i++) if (!(v[i] > v[i - 1])) return false;
  return true;
}

function splitPointer(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
