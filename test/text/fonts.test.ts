import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, cli, tempDir } from '../pipeline/helpers.js';
import { fontFiles, FONTCONFIG_FILE, NEEDS_CJK } from '../../src/text/fonts.js';
import { usedFonts } from '../../src/text/used-fonts.js';
import { firstUncovered, needsCjk } from '../../src/text/coverage.js';
import { figureFonts, inputHash } from '../../src/pipeline/hash.js';
import { plan } from '../../src/pipeline/plan.js';
import { sha256 } from '../../src/pipeline/hash.js';

/** A fontconfig configuration with no font folder: the machine's fonts hidden from a child process. */
function hiddenFontsEnv(): Record<string, string> {
  const dir = tempDir('no-fonts');
  fs.mkdirSync(path.join(dir, 'empty'));
  const conf = path.join(dir, 'fonts.conf');
  fs.writeFileSync(conf, `<?xml version="1.0"?>\n<fontconfig><dir>${path.join(dir, 'empty')}</dir></fontconfig>\n`);
  return { FONTCONFIG_FILE: conf, FONTCONFIG_PATH: path.join(dir, 'empty') };
}

const ja = () => plan([path.join(ROOT, 'configs/relu-ja.json')]).jobs[0].figure;
const relu = () => plan([path.join(ROOT, 'configs/relu.json')]).jobs[0].figure;

describe('shipped fonts', () => {
  it('fontFiles() are all inside node_modules, readable, and none is a system font', () => {
    const files = fontFiles();
    expect(files.map((f) => path.basename(f.file))).toEqual(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'NotoSansJP_400Regular.ttf', 'NotoSansJP_700Bold.ttf']);
    for (const f of files) {
      expect(f.file.startsWith(path.join(ROOT, 'node_modules'))).toBe(true);
      expect(fs.statSync(f.file).size).toBeGreaterThan(100_000);
    }
  });
  it('fonts/fonts.conf ships with the package, lists no font folder and includes no system configuration', () => {
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).files).toContain('fonts');
    expect(FONTCONFIG_FILE).toBe(path.join(ROOT, 'fonts', 'fonts.conf'));
    const text = fs.readFileSync(FONTCONFIG_FILE, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect(text).toContain('<fontconfig>');
    expect(text).not.toMatch(/<(dir|include|cachedir)\b/);
  });
  it('firstUncovered(text) accepts Japanese and rejects Devanagari', () => {
    expect(firstUncovered('ReLU関数のグラフ')).toBeUndefined();
    expect(firstUncovered('入力 x − 2')).toBeUndefined();
    expect(firstUncovered('aइb')).toBe('इ');
  });
  it('firstUncovered(text): the CJK font covers characters from U+2E80 on only, as drawing registers it only for them', () => {
    expect(firstUncovered('a\u2312')).toBe('\u2312'); // in Noto Sans JP, not in DejaVu, below U+2E80
    expect(firstUncovered('\u{20bb7}')).toBeUndefined(); // an astral kanji Noto Sans JP has
    expect(NEEDS_CJK.test('\u{20bb7}')).toBe(true);
    expect(needsCjk('\u{20bb7}')).toBe(true);
    expect(needsCjk('\ufb01')).toBe(false); // past U+2E80, but DejaVu draws it
  });
  it('needsCjk(text) is true only for characters DejaVu lacks', () => {
    expect(needsCjk('f(x) = max(x, 0) − 2 ±∞ é')).toBe(false);
    expect(needsCjk('関数')).toBe(true);
  });
  it('usedFonts(figure): a Latin-only figure uses DejaVu only, the Japanese figure also Noto Sans JP', () => {
    expect(usedFonts(relu()).map((f) => f.family)).toEqual(['DejaVu Sans', 'DejaVu Sans']);
    expect(usedFonts(ja()).map((f) => f.family)).toEqual(['DejaVu Sans', 'DejaVu Sans', 'Noto Sans JP', 'Noto Sans JP']);
  });
  it("inputHash(figure, version) covers the digests of the figure's fonts, by file name", () => {
    const fonts = figureFonts(ja());
    expect(Object.keys(fonts).sort()).toEqual(['DejaVuSans-Bold.ttf', 'DejaVuSans.ttf', 'NotoSansJP_400Regular.ttf', 'NotoSansJP_700Bold.ttf']);
    const noto = fontFiles().find((f) => f.weight === 'normal' && f.family === 'Noto Sans JP')!;
    expect(fonts['NotoSansJP_400Regular.ttf']).toBe(sha256(fs.readFileSync(noto.file)));
    expect(inputHash(ja(), '0.1.0')).not.toBe(inputHash(ja(), '0.1.1'));
    expect(Object.keys(figureFonts(relu())).sort()).toEqual(['DejaVuSans-Bold.ttf', 'DejaVuSans.ttf']);
  });
});

describe('the machine\'s fonts never change a figure (system fonts hidden from fontconfig in a child process)', () => {
  const env = hiddenFontsEnv();
  it('check on the committed output still reports every figure current', () => {
    const r = cli(['check', 'configs', '--out', 'output'], ROOT, env);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.err).toContain(`${plan([path.join(ROOT, 'configs')]).jobs.length} figures current in output`);
  });
  it('the Japanese figure draws the same bytes as the committed one, and its glyphs are Noto Sans JP (full-width advances, not boxes)', () => {
    const out = tempDir('hidden-fonts');
    const r = cli(['render', path.join(ROOT, 'configs/relu-ja.json'), '--out', out, '--jobs', '1'], ROOT, env);
    expect(r.code, r.err).toBe(0);
    expect(sha256(fs.readFileSync(path.join(out, 'relu-ja.png')))).toBe(sha256(fs.readFileSync(path.join(ROOT, 'output/relu-ja.png'))));
    // Noto Sans JP's kanji and kana advance exactly 1 em; pango's missing-glyph box is narrower.
    const script = `import { measureText } from ${JSON.stringify(path.join(ROOT, 'dist/render/canvas.js'))};
      const f = { family: 'DejaVu Sans', size: 20, weight: 'normal' };
      console.log(JSON.stringify([measureText('関数のグラフ', f).width, measureText('関数', { ...f, weight: 'bold' }).width, measureText('\u{20bb7}', f).width, process.env.FONTCONFIG_FILE]));`;
    const m = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(m.status, m.stderr).toBe(0);
    const [regular, bold, astral, conf] = JSON.parse(m.stdout) as [number, number, number, string];
    expect(regular).toBeCloseTo(120, 3);
    expect(bold).toBeCloseTo(40, 3);
    expect(astral).toBeCloseTo(20, 3);
    expect(conf).toBe(FONTCONFIG_FILE);
  });
  it('writes nothing to the home folder: a render with HOME and XDG_CACHE_HOME in an empty folder leaves it empty', () => {
    const home = tempDir('home');
    const out = tempDir('home-out');
    const r = cli(['render', path.join(ROOT, 'configs/relu-ja.json'), path.join(ROOT, 'configs/relu.json'), '--out', out], ROOT, { HOME: home, XDG_CACHE_HOME: path.join(home, '.cache') });
    expect(r.code, r.err).toBe(0);
    expect(fs.readdirSync(home)).toEqual([]);
  });
});
