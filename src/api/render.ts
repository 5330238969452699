/**
 * `render({ configs, out })`: what `actiplot render configs --out out` does, with the same
 * options as the command line's flags. Silent unless given `log`/`error` or a reporter.
 */
import { render as renderRun, type RenderOptions as RunOptions, type RenderResult } from '../pipeline/run.js';

export interface RenderOptions extends Omit<RunOptions, 'paths' | 'renderer'> {
  /** Config files and folders (folders are searched for *.json), as `actiplot render` takes them. */
  configs: string | readonly string[];
}

export function render(options: RenderOptions): Promise<RenderResult> {
  const { configs, ...rest } = options;
  return renderRun({ ...rest, paths: typeof configs === 'string' ? [configs] : [...configs] });
}
