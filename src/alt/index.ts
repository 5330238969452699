/** Text alternatives generated from a figure's maths (docs/alt-text.md). */
export { describeFigure } from './describe-figure.js';
export { figureLang, figureTexts, textLang } from './figure-lang.js';
