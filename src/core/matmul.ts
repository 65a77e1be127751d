import { type Matrix, matrix } from "./matrix";

/**
 * Matrix product `C = A·B`.
 *
 * Shapes: `A [m, k] · B [k, n] → C [m, n]`, with `C[i][j] = Σ_t A[i][t]·B[t][j]`.
 * Throws a RangeError when the inner dimensions differ.
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new RangeError(`matmul: inner dimensions differ, [${a.rows}, ${a.cols}]·[${b.rows}, ${b.cols}]`);
  }
  const m = a.rows;
  const k = a.cols;
  const n = b.cols;
  const c = matrix(m, n);
  const ad = a.data;
  const bd = b.data;
  const cd = c.data;
  // i-t-j loop order walks B and C row by row, which keeps memory access sequential.
  for (let i = 0; i < m; i++) {
    const cRow = i * n;
    for (let t = 0; t < k; t++) {
      const ait = ad[i * k + t];
      const bRow = t * n;
      for (let j = 0; j < n; j++) cd[cRow + j] += ait * bd[bRow + j];
    }
  }
  return c;
}

/** Transpose: `Mᵀ[j][i] = M[i][j]`, shape `[r, c] → [c, r]`. */
export function transpose(m: Matrix): Matrix {
  const t = matrix(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) t.data[j * m.rows + i] = m.data[i * m.cols + j];
  }
  return t;
}

/**
 * Product with the second factor transposed, `C = A·Bᵀ`, without building `Bᵀ`.
 *
 * Shapes: `A [m, k] · (B [n, k])ᵀ → C [m, n]`, with `C[i][j] = Σ_t A[i][t]·B[j][t]`, the dot
 * product of row i of A with row j of B. This is how scores `QKᵀ` are formed.
 * Throws a RangeError when the rows of A and B have different lengths.
 */
export function matmulTransposeB(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.cols) {
    throw new RangeError(
      `matmulTransposeB: row lengths differ, [${a.rows}, ${a.cols}]·[${b.rows}, ${b.cols}]ᵀ`,
    );
  }
  const m = a.rows;
  const k = a.cols;
  const n = b.rows;
  const c = matrix(m, n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let dot = 0;
      for (let t = 0; t < k; t++) dot += a.data[i * k + t] * b.data[j * k + t];
      c.data[i * n + j] = dot;
    }
  }
  return c;
}
