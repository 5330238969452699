/**
 * yargs through its CommonJS build: the ES module build wraps help text every so many characters,
 * in the middle of words ("the fi-gures"), where the CommonJS build wraps between words. The
 * factory (`yargs/yargs`), not the singleton, which parses process.argv as it loads.
 * scripts/build.mjs bundles this same CommonJS build into the CLI, so a start loads one file
 * instead of yargs' fifteen.
 */
import { createRequire } from 'node:module';

export const yargs = createRequire(import.meta.url)('yargs/yargs') as typeof import('yargs').default;
