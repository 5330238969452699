/** The alt text of a figure: the config's own `alt`, else its title, else its name. */
import type { ResolvedFigure } from '../model/figure.js';

export function altText(figure: ResolvedFigure): string {
  const own = (figure as { alt?: unknown }).alt;
  return typeof own === 'string' && own !== '' ? own : figure.title || figure.name;
}
