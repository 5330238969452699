/**
 * CSS colours in configs (series, points, boundaries): parsed by color-string, so a colour is one
 * the renderers understand. A colour string reaches the SVG output as an attribute value: anything
 * else (`red" onload="...`) would be markup injected into a file that docs sites serve.
 */
import colorString from 'color-string';
import colorNames from 'color-name';
import { describe, suggest } from './messages.js';

const NAMES = Object.keys(colorNames);

/**
 * The forms every renderer draws: hex, a keyword, and rgb()/rgba()/hsl()/hsla() with commas.
 * color-string also takes hwb() and the space-separated syntax, which node-canvas does not draw:
 * they would silently come out black.
 */
const DRAWN = /^(#[0-9a-f]{3,8}|[a-z]+|(rgba?|hsla?)\([^()]*,[^()]*\))$/i;

/** Why `text` is not a colour actiplot draws, or undefined when it is one. */
export function colorProblem(text: string): string | undefined {
  if (text.length <= 100 && DRAWN.test(text) && colorString.get(text) !== null) return undefined;
  const hint = /^[a-z]+$/i.test(text) ? suggest(text.toLowerCase(), NAMES) : '';
  return `expected a CSS colour (a name such as "red", "#1f77b4", "rgb(31, 119, 180)" or "hsl(205, 71%, 41%)"), got ${describe(text)}${hint}`;
}
