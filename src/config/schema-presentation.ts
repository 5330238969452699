/**
 * How a figure is read rather than what it plots: its text alternative (generated from the maths
 * unless given), the language of that text, and the colour theme it is drawn in.
 */
import { Type } from '@sinclair/typebox';
import { LIMITS } from './limits.js';

const stringEnum = <T extends string>(values: readonly T[], description: string, defaultValue?: T) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description, ...(defaultValue !== undefined ? { default: defaultValue } : {}) });

export const presentationKeys = {
  alt: Type.Optional(Type.String({
    minLength: 1,
    maxLength: LIMITS.altChars,
    description: "the text alternative screen readers read (default: a description generated from the figure's maths)",
  })),
  lang: Type.Optional(stringEnum(['en', 'ja'] as const, "a language of the generated alt text (en, ja; default: ja when the figure's text is Japanese, else en)")),
  theme: Type.Optional(stringEnum(['light', 'dark'] as const, 'a colour theme (light, dark): text, axes, grid, legend and background for a light or a dark page', 'light')),
  background: Type.Optional(Type.String({
    maxLength: 100,
    description: '"transparent", or a CSS colour behind the figure (default: the theme\'s background)',
  })),
};
