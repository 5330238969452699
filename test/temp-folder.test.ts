import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';

// test/global-setup.ts gives the run one temporary folder and removes it at the end; the folders
// the tests make land in it only if this fork sees its TMPDIR.
test('temporary folders go to the test run’s own folder', () => {
  expect(path.basename(os.tmpdir())).toMatch(/^actiplot-test-run-/);
});
