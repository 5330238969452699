/**
 * A scene to SVG text, written directly (no canvas): text stays <text>, so it can be selected,
 * searched and restyled; clip paths get ids numbered in order of use, so the bytes are stable.
 */
import type { CircleItem, Item, PathItem, Scene, TextItem } from '../scene/scene.js';
import { fieldAreas } from './vector-field.js';

/** DejaVu Sans's vertical metrics (hhea, per em), to place text by its alphabetic baseline. */
const ASCENT = 0.928;
const DESCENT = 0.236;
const FAMILY = "'DejaVu Sans', 'Noto Sans JP', sans-serif";

const n = (v: number) => {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};

/** Text and attribute values: colours come from configs (checked there), and later from data files. */
function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function flatPath(points: number[], close: boolean): string {
  let d = '';
  for (let i = 0; i + 1 < points.length; i += 2) d += `${i === 0 ? 'M' : 'L'}${n(points[i])} ${n(points[i + 1])}`;
  return close ? `${d}Z` : d;
}

function baselineShift(t: TextItem): number {
  const s = t.font.size;
  switch (t.baseline) {
    case 'top': return ASCENT * s;
    case 'middle': return ((ASCENT - DESCENT) / 2) * s;
    case 'bottom': return -DESCENT * s;
    default: return 0;
  }
}

/** What an SVG says about itself: <title> and <desc> (read by screen readers as the image's name and description). */
export interface SvgText {
  title: string;
  description: string;
  lang: string;
}

export function renderSvg(scene: Scene, scale = 1, text?: SvgText): Buffer {
  const clips = new Map<string, string>();
  const clipId = (c: NonNullable<PathItem['clip']>) => {
    const key = `${n(c.x)},${n(c.y)},${n(c.width)},${n(c.height)}`;
    let id = clips.get(key);
    if (!id) clips.set(key, (id = `clip${clips.size}`));
    return id;
  };
  const body: string[] = [];
  const clipAttr = (c: PathItem['clip']) => (c ? ` clip-path="url(#${clipId(c)})"` : '');
  for (const item of scene.items) body.push(itemSvg(item, clipAttr));
  const defs = [...clips].map(([key, id]) => {
    const [x, y, w, h] = key.split(',');
    return `<clipPath id="${id}"><rect x="${x}" y="${y}" width="${w}" height="${h}"/></clipPath>`;
  });
  const labelled = text ? ` role="img" aria-labelledby="actiplot-title actiplot-desc" xml:lang="${esc(text.lang)}" lang="${esc(text.lang)}"` : '';
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(scene.width * scale)}" height="${n(scene.height * scale)}" viewBox="0 0 ${n(scene.width)} ${n(scene.height)}"${labelled}>`,
    text ? `<title id="actiplot-title">${esc(text.title)}</title>` : '',
    text ? `<desc id="actiplot-desc">${esc(text.description)}</desc>` : '',
    defs.length ? `<defs>${defs.join('')}</defs>` : '',
    // A transparent figure has no page behind it: the page it is placed on shows through.
    scene.background === 'transparent' ? '' : `<rect width="100%" height="100%" fill="${esc(scene.background)}"/>`,
    ...body,
    '</svg>',
    '',
  ].filter((s) => s !== '');
  return Buffer.from(svg.join('\n'), 'utf8');
}

function itemSvg(item: Item, clipAttr: (c: PathItem['clip']) => string): string {
  switch (item.type) {
    case 'rect': {
      const fill = item.fill ?? 'none';
      const stroke = item.stroke ? ` stroke="${esc(item.stroke)}" stroke-width="${n(item.lineWidth ?? 1)}"` : '';
      return `<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.width)}" height="${n(item.height)}" fill="${esc(fill)}"${stroke}/>`;
    }
    case 'path': {
      const d = item.lines.filter((l) => l.length >= 4).map((l) => flatPath(l, false)).join('');
      if (!d) return '';
      const dash = item.dash?.length ? ` stroke-dasharray="${item.dash.map(n).join(' ')}"` : '';
      return `<path d="${d}" fill="none" stroke="${esc(item.stroke)}" stroke-width="${n(item.lineWidth)}" stroke-linecap="${item.cap ?? 'butt'}" stroke-linejoin="round"${dash}${clipAttr(item.clip)}/>`;
    }
    case 'area': {
      const d = item.polygons.flatMap((p) => p.map((r) => flatPath(r, true))).join('');
      return `<path d="${d}" fill="${esc(item.fill)}" fill-rule="evenodd"${clipAttr(item.clip)}/>`;
    }
    case 'text': {
      const anchor = item.align === 'left' ? 'start' : item.align === 'right' ? 'end' : 'middle';
      const rotate = item.angle ? ` transform="rotate(${n(-item.angle)} ${n(item.x)} ${n(item.y)})"` : '';
      const weight = item.font.weight === 'bold' ? ' font-weight="bold"' : '';
      const halo = item.halo ? ` stroke="${esc(item.halo)}" stroke-width="${n(item.font.size * 0.25)}" stroke-linejoin="round" paint-order="stroke"` : '';
      return `<text x="${n(item.x)}" y="${n(item.y + baselineShift(item))}" font-family="${FAMILY}" font-size="${n(item.font.size)}"${weight} text-anchor="${anchor}" fill="${esc(item.fill)}"${halo}${rotate}>${esc(item.text)}</text>`;
    }
    case 'circle':
      return circleSvg(item);
    case 'field':
      return fieldAreas(item).map((a) => itemSvg(a, clipAttr)).join('\n');
  }
}

function circleSvg(c: CircleItem): string {
  const stroke = c.stroke ? ` stroke="${esc(c.stroke)}" stroke-width="${n(c.lineWidth ?? 1)}"` : '';
  return `<circle cx="${n(c.x)}" cy="${n(c.y)}" r="${n(c.r)}" fill="${esc(c.fill ?? 'none')}"${stroke}/>`;
}
