import type { Item, Rect } from '../scene/scene.js';

function moveRect<T extends Rect>(r: T, dx: number, dy: number): T {
  return { ...r, x: r.x + dx, y: r.y + dy };
}

function moveFlat(points: number[], dx: number, dy: number): number[] {
  return points.map((v, i) => v + (i % 2 === 0 ? dx : dy));
}

/** Moves an item by (dx, dy): how a panel laid out on its own lands in its cell of a grid. */
export function translateItem(item: Item, dx: number, dy: number): Item {
  switch (item.type) {
    case 'rect':
      return moveRect(item, dx, dy);
    case 'text':
    case 'circle':
      return { ...item, x: item.x + dx, y: item.y + dy };
    case 'path':
      return { ...item, lines: item.lines.map((l) => moveFlat(l, dx, dy)), clip: item.clip && moveRect(item.clip, dx, dy) };
    case 'field':
      return { ...item, rect: moveRect(item.rect, dx, dy) };
    case 'area':
      return { ...item, polygons: item.polygons.map((p) => p.map((r) => moveFlat(r, dx, dy))), clip: item.clip && moveRect(item.clip, dx, dy) };
  }
}
