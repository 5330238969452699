// npm run build: compile, then bring the generated validator up to date with the schema (and
// compile again when it changed). With CI=true a stale committed copy is an error instead: CI must
// build what was committed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const tsc = new URL('../node_modules/.bin/tsc', import.meta.url).pathname;
const compile = () => {
  try {
    execFileSync(tsc, ['-p', 'tsconfig.json'], { stdio: 'inherit' });
  } catch {
    process.exit(1); // tsc has said what is wrong
  }
};
const target = new URL('../src/generated/figure-validator.ts', import.meta.url);

compile();
const { figureValidatorSource } = await import('./validator-source.mjs');
const source = figureValidatorSource();
if (fs.readFileSync(target, 'utf8') !== source) {
  if (process.env.CI === 'true') {
    process.stderr.write('src/generated/figure-validator.ts is out of date with src/config/schema.ts: run npm run build and commit it\n');
    process.exit(1);
  }
  fs.writeFileSync(target, source);
  process.stderr.write('build: regenerated src/generated/figure-validator.ts from the schema\n');
  compile();
}
