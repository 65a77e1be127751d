import { type Matrix, matrix } from "./matrix";
import { createRng, type Rng } from "./rng";

/**
 * Generated tokens for the large-n attention figure: n points in the plane around k cluster
 * centres the reader drags, lifted to d dimensions. Everything random is drawn once from the seed
 * (which cluster a token joins, its offset from the centre, the lift, the noise), so a drag only
 * recomputes positions: X = P·L + E, O(n·d) arithmetic and no random draws.
 */
export interface ClusterTokens {
  n: number;
  d: number;
  k: number;
  /** Cluster of each token, length n. Contiguous runs: token i is in cluster ⌊i·k/n⌋, so the matrices show blocks. */
  cluster: Uint8Array;
  /** Each token's offset from its centre in the plane, [n, 2], N(0, CLUSTER_SPREAD²) per coordinate. */
  offsets: Matrix;
  /** The lift L [2, d]: two orthogonal rows of length √d, so a unit step in the plane is a step of √d in d-D. */
  lift: Matrix;
  /** Small noise E [n, d], N(0, LIFT_NOISE²), so tokens are not confined to a plane in d-D. */
  noise: Matrix;
}

/** The projections of one head, seeded: W_Q, W_K, W_V [d, d]. */
export interface ClusterHead {
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
}

/** Standard deviation of a token's offset from its centre, in plane units (centres lie in [−1, 1]²). */
export const CLUSTER_SPREAD = 0.15;
/** Standard deviation of the per-coordinate noise added in d-D. */
export const LIFT_NOISE = 0.05;
/**
 * Scores are about SCORE_GAIN · p_i·p_j for plane positions p, whatever d (at most ±16 in [−1, 1]²):
 * a row's weight gathers on the clusters lying furthest along its own direction, spread over their
 * many tokens rather than falling on one.
 */
export const SCORE_GAIN = 8;

const filled = (rows: number, cols: number, draw: () => number) => {
  const m = matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = draw();
  return m;
};

/** Two random orthogonal rows of length √d (Gram–Schmidt on Gaussian vectors). */
function orthogonalLift(rng: Rng, d: number): Matrix {
  const lift = matrix(2, d);
  if (d === 1) {
    lift.data[0] = 1; // one dimension cannot hold two orthogonal rows: y is lost
    return lift;
  }
  const a = Array.from({ length: d }, () => rng.normal());
  const b = Array.from({ length: d }, () => rng.normal());
  const dot = (u: number[], v: number[]) => u.reduce((s, x, i) => s + x * v[i], 0);
  const along = dot(a, b) / dot(a, a);
  for (let i = 0; i < d; i++) b[i] -= along * a[i];
  const scaleA = Math.sqrt(d / dot(a, a));
  const scaleB = Math.sqrt(d / dot(b, b));
  for (let i = 0; i < d; i++) {
    lift.data[i] = a[i] * scaleA;
    lift.data[d + i] = b[i] * scaleB;
  }
  return lift;
}

function checkSize(n: number, d: number, k: number): void {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`clusterTokens: n must be a whole number ≥ 1, got ${n}`);
  if (!Number.isInteger(d) || d < 1)
    throw new RangeError(`clusterTokens: d must be a whole number ≥ 1, got ${d}`);
  if (!Number.isInteger(k) || k < 1 || k > 255) {
    throw new RangeError(`clusterTokens: k must be a whole number in 1…255, got ${k}`);
  }
}

/** The seeded parts of n tokens in k clusters in d dimensions (positions follow from the centres). */
export function clusterTokens(seed: number, n: number, d: number, k: number): ClusterTokens {
  checkSize(n, d, k);
  const rng = createRng(seed);
  const lift = orthogonalLift(rng, d);
  const cluster = new Uint8Array(n);
  for (let i = 0; i < n; i++) cluster[i] = Math.min(k - 1, Math.floor((i * k) / n));
  const offsets = filled(n, 2, () => CLUSTER_SPREAD * rng.normal());
  const noise = filled(n, d, () => LIFT_NOISE * rng.normal());
  return { n, d, k, cluster, offsets, lift, noise };
}

/** Positions in the plane, [n, 2]: p_i = centre of token i's cluster + its offset. */
export function tokenPositions(
  tokens: ClusterTokens,
  centres: readonly (readonly [number, number])[],
): Matrix {
  if (centres.length !== tokens.k) {
    throw new RangeError(`tokenPositions: expected ${tokens.k} centres, got ${centres.length}`);
  }
  const p = matrix(tokens.n, 2);
  for (let i = 0; i < tokens.n; i++) {
    const [cx, cy] = centres[tokens.cluster[i]];
    p.data[2 * i] = cx + tokens.offsets.data[2 * i];
    p.data[2 * i + 1] = cy + tokens.offsets.data[2 * i + 1];
  }
  return p;
}

/**
 * Token embeddings X [n, d] = P·L + E, with P [n, 2] the plane positions (`tokenPositions`),
 * L [2, d] the lift and E [n, d] the noise. Since L's rows are orthogonal with length √d,
 * x_i·x_j ≈ d · p_i·p_j.
 */
export function liftTokens(tokens: ClusterTokens, positions: Matrix): Matrix {
  const { n, d, lift, noise } = tokens;
  const x = matrix(n, d);
  for (let i = 0; i < n; i++) {
    const px = positions.data[2 * i];
    const py = positions.data[2 * i + 1];
    for (let c = 0; c < d; c++) {
      x.data[i * d + c] = px * lift.data[c] + py * lift.data[d + c] + noise.data[i * d + c];
    }
  }
  return x;
}

/**
 * Seeded W_Q, W_K, W_V [d, d]. W_Q = W_K ≈ α(I + 0.3·G) with G ~ N(0, 1/d) (different G for
 * each), α² = SCORE_GAIN/√d, so the scores QKᵀ/√d ≈ SCORE_GAIN · p_i·p_j: tokens attend mostly
 * to their own and nearby clusters, on any d. W_V ~ N(0, 1/d): values of the same size as X.
 */
export function clusterHead(seed: number, d: number): ClusterHead {
  if (!Number.isInteger(d) || d < 1)
    throw new RangeError(`clusterHead: d must be a whole number ≥ 1, got ${d}`);
  // A stream apart from the tokens' own, so changing n leaves the head as it was.
  const rng = createRng((seed ^ 0x9e3779b9) >>> 0);
  const alpha = Math.sqrt(SCORE_GAIN / Math.sqrt(d));
  const near = () => {
    const m = filled(d, d, () => (0.3 * rng.normal()) / Math.sqrt(d));
    for (let i = 0; i < d; i++) m.data[i * d + i] += 1;
    for (let i = 0; i < m.data.length; i++) m.data[i] *= alpha;
    return m;
  };
  const wq = near();
  const wk = near();
  const wv = filled(d, d, () => rng.normal() / Math.sqrt(d));
  return { wq, wk, wv };
}

/** k seeded centres spread around a circle of radius 0.6 in [−1, 1]², a random turn apart from the first. */
export function defaultCentres(seed: number, k: number): [number, number][] {
  const turn = createRng(seed).next() * 2 * Math.PI;
  return Array.from({ length: k }, (_, c) => {
    const angle = turn + (2 * Math.PI * c) / k;
    return [0.6 * Math.cos(angle), 0.6 * Math.sin(angle)];
  });
}
