/**
 * Every test run gets its own temporary folder, removed when the run ends: the tests (and the CLI
 * runs they start) make hundreds of folders under os.tmpdir(), and a CI machine or a developer's
 * /tmp should not keep them. The forks that run the tests inherit TMPDIR, and os.tmpdir() reads it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-test-run-'));
  process.env.TMPDIR = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
