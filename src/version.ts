/** actiplot's version (part of every figure's input hash), from package.json by the build. */
export { VERSION } from './generated/version.js';
