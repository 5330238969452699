/**
 * PNG goldens compared with a tolerance (pixelmatch), Observable Plot's way: a mismatch writes
 * `<name>-changed.png` beside the golden for review; UPDATE_GOLDENS=1 accepts the new images;
 * a missing golden fails under CI=true and is written otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

export const GOLDEN_DIR = path.resolve('test/golden/png');

/** Share of pixels allowed to differ (anti-aliasing differences across cairo builds). */
export const MAX_DIFF_RATIO = 0.002;

export function compareGolden(name: string, bytes: Buffer, { update = process.env.UPDATE_GOLDENS === '1' } = {}): { ok: boolean; message: string } {
  const file = path.join(GOLDEN_DIR, name.endsWith(".png") ? name : `${name}.png`);
  const changed = file.replace(/\.png$/, "-changed.png");
  if (update || (!fs.existsSync(file) && process.env.CI !== 'true')) {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, bytes);
    fs.rmSync(changed, { force: true });
    return { ok: true, message: `wrote ${file}` };
  }
  if (!fs.existsSync(file)) return { ok: false, message: `missing golden ${file}; run UPDATE_GOLDENS=1 npm test and review it` };
  const want = PNG.sync.read(fs.readFileSync(file));
  const got = PNG.sync.read(bytes);
  if (want.width !== got.width || want.height !== got.height) {
    fs.writeFileSync(changed, bytes);
    return { ok: false, message: `${name}: size ${got.width}×${got.height}, golden ${want.width}×${want.height}` };
  }
  const diff = pixelmatch(want.data, got.data, undefined, want.width, want.height, { threshold: 0.1 });
  const ratio = diff / (want.width * want.height);
  if (ratio > MAX_DIFF_RATIO) {
    fs.writeFileSync(changed, bytes);
    return { ok: false, message: `${name}: ${diff} pixels differ (${(ratio * 100).toFixed(3)}%), see ${changed}` };
  }
  fs.rmSync(changed, { force: true });
  return { ok: true, message: `${name}: ${diff} pixels differ` };
}
