/**
 * The library API; the CLI is a thin layer over these. Importing it loads no drawing code:
 * node-canvas loads with the first figure drawn. `require('actiplot')` gets the same module
 * (Node's require of an ES module, which has no top-level await for that reason).
 */
import type { ResolvedFigure } from './model/figure.js';
import type { Scene } from './scene/scene.js';

export { renderFigure, type RenderFigureOptions, type FigureOutput } from './api/render-figure.js';
export { validate, type ValidationResult, type ConfigOptions } from './api/validate.js';
export { render, type RenderOptions } from './api/render.js';
export type * from './api/config-types.js';
export { createRenderSession, type RenderResult, type FigureResult, type RenderSession } from './pipeline/run.js';
export { check, type CheckOptions, type CheckResult, type CheckItem } from './pipeline/check.js';
export { merge, type MergeOptions, type MergeResult } from './pipeline/merge.js';
export { diff, type DiffOptions, type DiffResult, type DiffFigure } from './pipeline/diff.js';
export { diffMarkdown } from './pipeline/diff-markdown.js';
export { writeDiffReport } from './pipeline/diff-report.js';
export { watchRender, type WatchOptions } from './pipeline/watch.js';
export { readManifest, serializeManifest, type Manifest, type ManifestEntry } from './pipeline/manifest.js';
export { parseShard, shardOf, type Shard } from './pipeline/shard.js';
export { inputHash, fontsFingerprint, stableJson } from './pipeline/hash.js';
export { galleryHtml } from './pipeline/gallery.js';
export { plan, loadFile, type Job, type Plan, type Overrides } from './pipeline/plan.js';
export { fileSchema } from './config/schema.js';
export { ConfigError } from './config/messages.js';
export { relu, step, activations, activationNames, getActivation, resolveActivation, erf, erfc, type Activation, type ActivationSpec } from './core/activation.js';
export { forward, evaluator, shapeErrors, type Network, type Layer } from './core/network.js';
export { sweepFrames, contactSheet } from './config/sweep.js';
export type { ResolvedFigure } from './model/figure.js';
export type { Scene, Item } from './scene/scene.js';
export { makePerceptron, preActivation, evaluate } from './core/perceptron.js';
export { linspace, arange, stepRange, sampleGrid } from './core/sample.js';

/** The scene a resolved figure draws. */
export async function sceneFor(figure: ResolvedFigure): Promise<Scene> {
  return (await import('./render/figure.js')).sceneFor(figure);
}
