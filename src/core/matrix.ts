/**
 * A dense row-major matrix of shape `[rows, cols]`. Entry (i, j) is `data[i * cols + j]`.
 * Every function in `src/core` takes and returns these; nothing here mutates its inputs.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A `rows × cols` matrix, zero-filled or copied from `data` (which must hold `rows * cols` numbers). */
export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`matrix: bad shape [${rows}, ${cols}]`);
  }
  if (data && data.length !== rows * cols) {
    throw new RangeError(`matrix: ${data.length} numbers for shape [${rows}, ${cols}]`);
  }
  return { rows, cols, data: data ? Float64Array.from(data) : new Float64Array(rows * cols) };
}

/** A matrix from nested rows, e.g. `fromRows([[1, 0], [0, 1]])`. All rows must have equal length. */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows.length === 0 ? 0 : rows[0].length;
  for (const row of rows) {
    if (row.length !== cols) throw new RangeError("fromRows: ragged rows");
  }
  return matrix(rows.length, cols, rows.flat());
}

/** Nested rows of a matrix, for display and JSON. */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** Entry (i, j). */
export function at(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}

/** Row i as a fresh array. */
export function row(m: Matrix, i: number): number[] {
  return Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols));
}

/** The `n × n` identity. */
export function identity(n: number): Matrix {
  const m = matrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

/** Throws unless `m` has the expected shape; `what` names it in the message, e.g. "W_Q [d_model, d_k]". */
export function assertShape(m: Matrix, rows: number, cols: number, what: string): void {
  if (m.rows !== rows || m.cols !== cols) {
    throw new RangeError(`${what}: expected [${rows}, ${cols}], got [${m.rows}, ${m.cols}]`);
  }
}
