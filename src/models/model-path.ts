/**
 * Where a model file may be: relative to the config file, inside the config file's folder (or
 * below it), never through a symlink that leads out. A config validates the same whichever folder
 * a run was started on, and no config can read /etc/passwd or ~/.ssh through a model path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ModelError } from './model-error.js';

const inside = (root: string, p: string) => {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** The real path of the model file `file` named in `configFile`, or a ModelError saying why not. */
export function modelPath(configFile: string, file: string): string {
  if (file.includes('\0')) throw new ModelError('the path contains a NUL character');
  if (path.isAbsolute(file) || path.win32.isAbsolute(file) || /^[a-zA-Z]:/.test(file)) {
    throw new ModelError('an absolute path is not allowed; give a path relative to the config file');
  }
  const root = path.resolve(path.dirname(configFile));
  const target = path.resolve(root, file);
  if (!inside(root, target)) throw new ModelError(`the path leaves the config file's folder (${path.dirname(configFile) || '.'}); keep model files beside the config or below it`);
  let real: string;
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
    real = fs.realpathSync(target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ModelError(code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? 'error'})`);
  }
  if (!inside(realRoot, real)) throw new ModelError(`a symlink leads out of the config file's folder (to ${real}); copy the model in instead`);
  return real;
}
