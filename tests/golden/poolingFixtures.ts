/**
 * Typed access to tests/golden/pooling.json, written by `scripts/golden_pooling.py` (numpy): the
 * large-n view's max and mean pooling of a matrix block. `null` in the JSON is −Infinity.
 */

import type { Matrix } from "../../src/core/matrix";
import type { MatrixView, PooledImage } from "../../src/core/pooledAttention";
import { decodeMatrix } from "./fixtures";
import poolingJson from "./pooling.json";

type Rows = (number | null)[][];

export interface PoolingGoldenCase extends PooledImage {
  name: string;
  /** The pooled matrix: a small one with −∞ entries, or a causal head's scores or weights (n = 37). */
  matrix: Matrix;
  view: MatrixView;
}

const matrices: Record<string, Matrix> = Object.fromEntries(
  Object.entries(poolingJson.matrices as Record<string, Rows>).map(([name, rows]) => [
    name,
    decodeMatrix(rows),
  ]),
);

export const poolingCases: PoolingGoldenCase[] = poolingJson.cases.map((raw) => ({
  name: raw.name,
  matrix: matrices[raw.matrix],
  view: raw.view as MatrixView,
  image: decodeMatrix(raw.image as Rows),
  rowEdges: raw.rowEdges,
  colEdges: raw.colEdges,
}));
