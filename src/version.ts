import { createRequire } from 'node:module';

/** actiplot's version, from package.json (part of every figure's input hash later on). */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
