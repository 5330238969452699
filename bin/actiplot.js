#!/usr/bin/env node
import { run } from '../dist/cli/run.js';
run(process.argv.slice(2));
