/**
 * The pixel size an image file declares, read from its header: how a figure rendered by an earlier
 * build gets its `width` and `height` without being rendered again. Undefined when the bytes are
 * not a file of that format (a truncated or foreign file is rendered anew).
 */
export function imageSize(bytes: Buffer, format: string): { width: number; height: number } | undefined {
  if (format === 'png' || format === 'apng') {
    // The signature, then the IHDR chunk: length, type, width, height (big-endian).
    if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG' || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
    return positive(bytes.readUInt32BE(16), bytes.readUInt32BE(20));
  }
  if (format === 'gif') {
    if (bytes.length < 10 || bytes.toString('latin1', 0, 3) !== 'GIF') return undefined;
    return positive(bytes.readUInt16LE(6), bytes.readUInt16LE(8));
  }
  if (format === 'svg') {
    const root = /<svg\b[^>]*>/.exec(bytes.toString('utf8', 0, Math.min(bytes.length, 4096)))?.[0];
    const attr = (name: string) => Number(new RegExp(`\\s${name}="([0-9.]+)"`).exec(root ?? '')?.[1]);
    return root ? positive(attr('width'), attr('height')) : undefined;
  }
  return undefined;
}

function positive(width: number, height: number) {
  return width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height) ? { width, height } : undefined;
}
