/**
 * Reading an untrusted file without trusting what it is: a FIFO would block the read forever,
 * /dev/zero never ends, a sparse 1 GB file would be read whole before a size check. So the file is
 * opened without blocking, checked with fstat on that same descriptor (no race with a rename), and
 * read up to `limit + 1` bytes at most. Configs use it; model and data files should too.
 */
import fs from 'node:fs';

/** Why a file was not read: one phrase for a message ("is a FIFO, not a regular file"). */
export class ReadRefusal extends Error {
  constructor(readonly file: string, readonly reason: string, readonly code?: string) {
    super(`${file}: ${reason}`);
    this.name = 'ReadRefusal';
  }
}

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/**
 * The bytes of `file`, or a ReadRefusal when it is not a regular file, is larger than `limit`
 * bytes (checked before reading and while reading, since a file can grow), or cannot be opened.
 * `hint` is added to a size message ("split it into several files").
 */
export function readBounded(file: string, limit: number, hint = ''): Buffer {
  const what = `the limit is ${limit}${hint ? ` (${hint})` : ''}`;
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    // A Unix socket cannot be opened as a file at all.
    const reason = code === 'ENXIO' || code === 'EOPNOTSUPP' ? 'is a socket or device, not a regular file' : `cannot read the file (${code})`;
    throw new ReadRefusal(file, reason, code);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new ReadRefusal(file, `is ${kindOf(st)}, not a regular file`, 'ENOTREG');
    if (st.size > limit) throw new ReadRefusal(file, `file is ${st.size} bytes; ${what}`, 'EFBIG');
    let buf = Buffer.allocUnsafe(Math.min(limit + 1, st.size + 1));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > limit) throw new ReadRefusal(file, `file is more than ${limit} bytes; ${what}`, 'EFBIG');
        // The file grew since fstat: read on, but never past limit + 1 bytes.
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = readSome(fd, file, buf, n);
      if (got === 0) return buf.subarray(0, n);
      n += got;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function readSome(fd: number, file: string, buf: Buffer, at: number): number {
  try {
    return fs.readSync(fd, buf, at, buf.length - at, null);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    // EAGAIN: something that would block (never for a regular file); refuse rather than wait.
    throw new ReadRefusal(file, `cannot read the file (${code})`, code);
  }
}
