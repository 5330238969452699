#!/usr/bin/env node
import { run } from '../dist/bin/run.js';
run(process.argv.slice(2));
