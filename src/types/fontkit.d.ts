// The few parts of fontkit (which ships no types) that actiplot uses.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export interface FontCollection {
    type: 'TTC' | 'DFont';
    fonts: Font[];
    getFont(postscriptName: string): Font | null;
  }
  export function openSync(path: string): Font | FontCollection;
}
