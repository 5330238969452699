export { default, type RemarkActiplotOptions, type RemarkActiplotData, type Theme } from './remark-actiplot.js';
