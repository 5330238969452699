/**
 * A problem with a model file: one line saying what is wrong (the caller adds the file's name and
 * where it was asked for). Every reader throws only this for bad input, never a stack trace.
 */
export class ModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelError';
  }
}

/** `fn()`, with anything it throws that is not a ModelError turned into one saying "corrupt". */
export function asModelError<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ModelError) throw err;
    const msg = err instanceof RangeError && /call stack/i.test(err.message) ? 'nested too deeply' : (err as Error)?.message ?? String(err);
    throw new ModelError(`not a valid ${what} file (truncated or corrupt: ${msg})`);
  }
}
