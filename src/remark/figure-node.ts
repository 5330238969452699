/**
 * The Markdown node a rendered figure becomes: an image with its width and height (as remark-rehype
 * turns `data.hProperties` into attributes), or, with several themes, an image that remark-rehype
 * turns into a `<picture>`: a `<source>` per other theme, picked by `prefers-color-scheme`, and the
 * `<img>`. It stays an mdast image, so a pipeline that writes Markdown back still gets `![alt](url)`.
 */
import type { Code, Image, Paragraph } from 'mdast';
import type { Element } from 'hast';

export interface Variant {
  url: string;
  width: number;
  height: number;
  theme?: string;
}

export function figureNode(from: Image | Code, variants: readonly Variant[], alt: string, title: string | null | undefined): Image | Paragraph {
  const [main, ...others] = variants;
  const img: Image = { type: 'image', url: main.url, alt, title: title ?? null, position: from.position };
  const size = { width: main.width, height: main.height };
  if (others.length === 0) img.data = { hProperties: size } as Image['data'];
  else {
    const sources: Element[] = others.map((v) => ({
      type: 'element',
      tagName: 'source',
      properties: { srcSet: v.url, media: `(prefers-color-scheme: ${v.theme})`, width: v.width, height: v.height },
      children: [],
    }));
    const inner: Element = {
      type: 'element',
      tagName: 'img',
      properties: { src: main.url, alt, ...(title ? { title } : {}), ...size },
      children: [],
    };
    // The image's own src, alt and title belong to the inner <img>, not to <picture>.
    img.data = { hName: 'picture', hProperties: { src: null, alt: null, title: null }, hChildren: [...sources, inner] } as Image['data'];
  }
  return from.type === 'image' ? img : { type: 'paragraph', children: [img], position: from.position };
}
