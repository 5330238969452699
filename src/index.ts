/** The library API; the CLI is a thin layer over these. */
export { render, type RenderOptions, type RenderResult } from './pipeline/run.js';
export { plan, loadFile, type Job, type Plan } from './pipeline/plan.js';
export { renderFigure, sceneFor } from './render-figure.js';
export { fileSchema } from './config/schema.js';
export type { FigureConfig } from './config/schema.js';
export { ConfigError } from './config/messages.js';
export { relu, step, activations, getActivation, type Activation } from './core/activation.js';
export { makePerceptron, preActivation, evaluate } from './core/perceptron.js';
export { linspace, arange, stepRange, sampleGrid } from './core/sample.js';
export { main } from './cli/main.js';
