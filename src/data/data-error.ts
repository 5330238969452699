/** A problem in a data file, at a line and column of it (the caller names the file). */
export class DataError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
    this.name = 'DataError';
  }
}
