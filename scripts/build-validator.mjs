// Writes src/config/figure-validator.ts, the precompiled validator of the figure schema, from the
// compiled sources: npm run build && node scripts/build-validator.mjs && npm run build
import fs from 'node:fs';
import { figureValidatorSource } from '../dist/config/figure-validator-source.js';

const target = new URL('../src/config/figure-validator.ts', import.meta.url);
fs.writeFileSync(target, figureValidatorSource());
process.stdout.write(`wrote ${target.pathname}\n`);
