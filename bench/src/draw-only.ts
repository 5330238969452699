/**
 * Where a cold start's time goes, part one: a process that loads only the bundled drawing code
 * (dist/bin's render/figure chunk, the one a render loads) and draws one figure resolved ahead of
 * time, then writes its PNG. No CLI, no config reading or validation, no manifest: what is left of
 * `actiplot render` once those are taken away.
 *
 *   node bench/dist/draw-only.js RESOLVED.json OUT-DIR
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedFigure } from '../../dist/model/figure.js';
import type { RenderedFigure } from '../../dist/render/figure.js';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/bin');
const chunk = fs.readdirSync(bin).find((f) => /^figure-[A-Z0-9]+\.js$/.test(f));
if (!chunk) throw new Error(`no figure-*.js chunk in ${bin}: run npm run build`);
const [file, out] = process.argv.slice(2);
const fig = JSON.parse(fs.readFileSync(file, 'utf8')) as ResolvedFigure;
const { renderFigure } = (await import(path.join(bin, chunk))) as { renderFigure: (f: ResolvedFigure) => Promise<RenderedFigure> };
const r = await renderFigure(fig);
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, `${fig.name}.png`), r.bytes);
