export { default, type RemarkActiplotOptions, type RemarkActiplotData, type Theme } from './remark-actiplot.js';
export { renderMarkdownFigures, type MarkdownFiguresOptions } from './markdown-figures.js';
