// color-name ships no types: the CSS colour keywords and their RGB values.
declare module 'color-name' {
  const names: Record<string, [number, number, number]>;
  export default names;
}
