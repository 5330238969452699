import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { Ajv } from 'ajv';
// @ts-expect-error: a plain ES module of scripts/, without types
import { AJV_OPTIONS, figureCheckSource, figureExplainSource } from '../../scripts/validator-source.mjs';
import { createRequire } from 'node:module';
import { validate as passes } from '../../src/generated/figure-check.js';
import { inlineRefs, shareSubschemas, type Json } from '../../src/config/schema-refs.js';
import { Figure } from '../../src/config/schema.js';

const explainer = createRequire(import.meta.url)('../../src/generated/figure-explain.cjs');
const { sharedSubschemas } = explainer;

describe('src/generated/figure-check.ts and figure-explain.cjs', () => {
  it('are the code Ajv compiles from the current schema (regenerate them after changing schema.ts)', () => {
    const check = fs.readFileSync('src/generated/figure-check.ts', 'utf8') === figureCheckSource();
    expect(check, 'figure-check.ts is out of date: run npm run build (it regenerates the file) and commit it').toBe(true);
    const explain = fs.readFileSync('src/generated/figure-explain.cjs', 'utf8') === figureExplainSource();
    expect(explain, 'figure-explain.cjs is out of date: run npm run build (it regenerates the file) and commit it').toBe(true);
  });

  it('accept and reject what the schema compiled by Ajv does; the explainer gives the same errors in the same order', () => {
    const reference = new Ajv(AJV_OPTIONS).compile(Figure);
    const generated = explainer as typeof reference;
    const defs = sharedSubschemas as { [key: string]: Json };
    const plain = (errors: typeof reference.errors, restore: boolean) =>
      JSON.stringify((errors ?? []).map((e) => ({
        ...e,
        schemaPath: undefined, // the one field that differs: it names the shared part
        schema: restore ? inlineRefs(e.schema as Json, defs) : e.schema,
        parentSchema: restore ? inlineRefs(e.parentSchema as Json, defs) : e.parentSchema,
      })));
    // Every config that ships, and seeded mutations of them: values swapped for junk, keys dropped or added.
    const figures = fs.readdirSync('configs').filter((f) => f.endsWith('.json')).flatMap((f) => {
      const v = JSON.parse(fs.readFileSync(`configs/${f}`, 'utf8'));
      return v.figures ?? [v];
    });
    const junk = [null, 1, -1, 0.5, 'x', 'relu', true, [], {}, [1], [1, 2, 3], { name: 'relu' }, { name: 'leaky_relu', slope: 'a' }, { name: 'elu', alpha: 2, x: 1 }, 'panels', 'viridis_r', { layers: [] }, 'A'.repeat(200), 'con'];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const mutate = (figure: unknown) => {
      const v = structuredClone(figure);
      for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
        const places: [any, string][] = [];
        const walk = (x: any) => {
          if (x && typeof x === 'object') for (const k of Object.keys(x)) places.push([x, k]), walk(x[k]);
        };
        walk(v);
        const [holder, key] = places[Math.floor(rnd() * places.length)];
        const r = rnd();
        if (r < 0.15 && !Array.isArray(holder)) delete holder[key];
        else if (r < 0.3 && !Array.isArray(holder)) holder[`${key}x`] = 1;
        else holder[key] = structuredClone(junk[Math.floor(rnd() * junk.length)]);
      }
      return v;
    };
    let rejected = 0;
    for (let i = 0; i < 3000; i++) {
      const doc = i < figures.length ? figures[i] : mutate(figures[i % figures.length]);
      const ok = reference(doc);
      expect(passes(doc)).toBe(ok);
      expect(generated(doc)).toBe(ok);
      expect(plain(generated.errors, true)).toBe(plain(reference.errors, false));
      if (!ok) rejected++;
    }
    expect(rejected).toBeGreaterThan(2000);
  });
});

describe('shareSubschemas(schema) and inlineRefs(node, defs)', () => {
  it('moves repeated parts to $defs and back to the very same schema', () => {
    const part = { type: 'object', properties: { label: { type: 'string', description: 'a label that is long enough to share' } } };
    const schema = { type: 'object', properties: { x: part, y: part, z: { type: 'number' } } } as unknown as { [key: string]: Json };
    const shared = shareSubschemas(schema, 20);
    expect(shared.properties).toEqual({ x: { $ref: '#/$defs/s0' }, y: { $ref: '#/$defs/s0' }, z: { type: 'number' } });
    expect(inlineRefs(shared, shared.$defs as { [key: string]: Json })).toEqual(schema);
  });
});
