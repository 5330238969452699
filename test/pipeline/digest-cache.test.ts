import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, fileDigests } from '../../src/pipeline/digest-cache.js';
import { tempDir } from './helpers.js';

const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

describe('fileDigests(files, remember, dir)', () => {
  it('gives the sha256 of each file, undefined for one it cannot read, and remembers them', () => {
    const dir = tempDir('digests');
    const a = path.join(dir, 'a.bin');
    fs.writeFileSync(a, 'alpha');
    const cache = path.join(dir, 'cache');
    expect(fileDigests([a, path.join(dir, 'missing')], true, cache)).toEqual([sha('alpha'), undefined]);
    expect(JSON.parse(fs.readFileSync(path.join(cache, 'file-digests.json'), 'utf8')).files[a].sha256).toBe(sha('alpha'));
  });

  it('hashes again when the file changed, even with the same size and mtime (its ctime moved)', async () => {
    const dir = tempDir('digests-change');
    const a = path.join(dir, 'a.bin');
    const cache = path.join(dir, 'cache');
    fs.writeFileSync(a, 'alpha');
    const { mtime } = fs.statSync(a);
    expect(fileDigests([a], true, cache)).toEqual([sha('alpha')]);
    await new Promise((r) => setTimeout(r, 20));
    fs.writeFileSync(a, 'omega');
    fs.utimesSync(a, mtime, mtime);
    expect(fileDigests([a], true, cache)).toEqual([sha('omega')]);
  });

  it('uses a remembered digest while the file is unchanged', () => {
    const dir = tempDir('digests-hit');
    const a = path.join(dir, 'a.bin');
    const cache = path.join(dir, 'cache');
    fs.writeFileSync(a, 'alpha');
    fileDigests([a], true, cache);
    // Plant a different digest for the same stat: it is trusted, which shows the file was not read.
    const file = path.join(cache, 'file-digests.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    data.files[a].sha256 = 'planted';
    fs.writeFileSync(file, JSON.stringify(data));
    expect(fileDigests([a], true, cache)).toEqual(['planted']);
  });

  it('writes nothing when told not to, and shrugs off a garbled or unwritable cache', () => {
    const dir = tempDir('digests-ro');
    const a = path.join(dir, 'a.bin');
    fs.writeFileSync(a, 'alpha');
    expect(fileDigests([a], false, path.join(dir, 'cache'))).toEqual([sha('alpha')]);
    expect(fs.existsSync(path.join(dir, 'cache'))).toBe(false);
    fs.mkdirSync(path.join(dir, 'garbled'));
    fs.writeFileSync(path.join(dir, 'garbled', 'file-digests.json'), '{ nope');
    expect(fileDigests([a], true, path.join(dir, 'garbled'))).toEqual([sha('alpha')]);
    fs.writeFileSync(path.join(dir, 'not-a-folder'), '');
    expect(fileDigests([a], true, path.join(dir, 'not-a-folder'))).toEqual([sha('alpha')]);
    expect(fileDigests([a], true, undefined)).toEqual([sha('alpha')]);
  });
});

describe('cacheDir(env)', () => {
  it('is ACTIPLOT_CACHE_DIR, off when that is empty, else under XDG_CACHE_HOME or ~/.cache', () => {
    expect(cacheDir({ ACTIPLOT_CACHE_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(cacheDir({ ACTIPLOT_CACHE_DIR: '' })).toBeUndefined();
    expect(cacheDir({ XDG_CACHE_HOME: '/c' })).toBe(path.join('/c', 'actiplot'));
    expect(cacheDir({})).toMatch(/\.cache[\\/]actiplot$/);
  });
});
