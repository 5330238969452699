/** The library API; the CLI is a thin layer over these. */
export { render, createRenderSession, type RenderOptions, type RenderResult, type FigureResult, type RenderSession } from './pipeline/run.js';
export { check, type CheckOptions, type CheckResult, type CheckItem } from './pipeline/check.js';
export { merge, type MergeOptions, type MergeResult } from './pipeline/merge.js';
export { watchRender, type WatchOptions } from './pipeline/watch.js';
export { readManifest, serializeManifest, type Manifest, type ManifestEntry } from './pipeline/manifest.js';
export { parseShard, shardOf, type Shard } from './pipeline/shard.js';
export { inputHash, fontsFingerprint, stableJson } from './pipeline/hash.js';
export { galleryHtml } from './pipeline/gallery.js';
export { plan, loadFile, type Job, type Plan } from './pipeline/plan.js';
export { renderFigure, sceneFor } from './render-figure.js';
export { fileSchema } from './config/schema.js';
export type { FigureConfig } from './config/schema.js';
export { ConfigError } from './config/messages.js';
export { relu, step, activations, getActivation, type Activation } from './core/activation.js';
export { makePerceptron, preActivation, evaluate } from './core/perceptron.js';
export { linspace, arange, stepRange, sampleGrid } from './core/sample.js';
export { main } from './cli/main.js';
