#!/usr/bin/env node
// --debug prints an internal error's stack: through the bundle's source maps, to the compiled files.
if (process.argv.includes('--debug') || process.env.ACTIPLOT_DEBUG === '1') process.setSourceMapsEnabled(true);
const { run } = await import('../dist/bin/run.js');
run(process.argv.slice(2));
