import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { renderMarkdownFigures } from '../../src/remark/index.js';
import { inFolder, site } from './helpers.js';

const PAGE = `---
title: ReLU
---

::: tip
The seed's graph: ![ReLU <graph> & "more"](../configs/relu.json#relu) and {{ $frontmatter.title }}.
:::

\`\`\`actiplot
{ "name": "tiny", "kind": "line", "alt": "The step function", "width": 200, "height": 150, "series": [{ "activation": "step" }] }
\`\`\`

![a photo](photo.png)
`;

describe('renderMarkdownFigures(markdown, options)', () => {
  it('replaces each figure reference by its HTML and leaves every other byte of the page as written', async () => {
    const dir = site('md-figures');
    const out = await inFolder(dir, () => renderMarkdownFigures(PAGE, { path: 'docs/page.md', outDir: 'public/figures', baseUrl: '/figures/' }));
    const files = fs.readdirSync(path.join(dir, 'public/figures')).sort();
    expect(files).toEqual([expect.stringMatching(/^relu\.[0-9a-f]{16}\.png$/), expect.stringMatching(/^tiny\.[0-9a-f]{16}\.png$/)]);
    const expected = PAGE
      .replace('![ReLU <graph> & "more"](../configs/relu.json#relu)', `<img src="/figures/${files[0]}" alt="ReLU &lt;graph> &amp; &quot;more&quot;" width="800" height="600">`)
      .replace(/```actiplot\n[^`]*```/, `<img src="/figures/${files[1]}" alt="The step function" width="200" height="150">`);
    expect(out).toBe(expected);
  });

  it('rejects with every problem at its line and column', async () => {
    const dir = site('md-figures-errors');
    const page = '![](../configs/relu.json#nope)\n\n```actiplot\n{ "name": "t", "kind": "line", "series": [{ "activation": "rleu" }] }\n```\n';
    const err = await inFolder(dir, () => renderMarkdownFigures(page, { path: 'docs/page.md', outDir: 'out' })).then(() => undefined, (e: Error) => e);
    expect(err?.message.split('\n')).toEqual([
      'docs/page.md:1:1-1:31: configs/relu.json: no figure named "nope" (it has relu) (name it after the #: ../configs/relu.json#<name>)',
      expect.stringMatching(/^docs\/page\.md:4:59: series\[0\]\.activation: expected an activation/),
    ]);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
