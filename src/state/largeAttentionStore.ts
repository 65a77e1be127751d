import { createStore, type StoreApi } from "zustand/vanilla";
import {
  type ClusterHead,
  type ClusterTokens,
  clusterHead,
  clusterTokens,
  liftTokens,
  tokenPositions,
} from "../core/clusters";
import type { Matrix } from "../core/matrix";
import type { MatrixView, PooledImage, Pooling } from "../core/pooledAttention";
import {
  type Centre,
  centresFor,
  clampCoordinate,
  clampK,
  D_CHOICES,
  type LargeAttentionSettings,
  type LargeAttentionStoreProps,
  MAX_PIXELS,
  N_STEPS,
  seedOf,
  settingsOf,
} from "./largeAttentionSettings";
import type { LargeAttentionShared } from "./share/largeAttentionShare";
import type { InlineMessage } from "./tokenPoints";

/** The rows and columns on screen (pooling and resolution are the store's). */
export type ZoomBlock = Pick<MatrixView, "rowStart" | "colStart" | "rows" | "cols">;

/** What one engine call is for: the head's inputs, the view and the row read back exactly. */
export interface LargeAttentionJob {
  n: number;
  d: number;
  x: Matrix;
  head: ClusterHead;
  causal: boolean;
  view: MatrixView;
  row: number | null;
}

/** An engine result as the store keeps it (the engine's LargeAttentionResult, plus its job and time). */
export interface LargeAttentionOutcome {
  job: LargeAttentionJob;
  scores: PooledImage;
  weights: PooledImage;
  scoreRange: readonly [number, number];
  rowWeights: Matrix | null;
  bytesRead: number;
  backend: string;
  reason: string;
  ms: number;
}

/** The largest n of the backend that must compute (a forced one), e.g. { backend: "CPU", n: 1024 }. */
export interface BackendCap {
  backend: string;
  n: number;
}

export interface LargeAttentionState {
  n: number;
  d: number;
  /** Number of clusters k; `centres` has k entries. */
  k: number;
  seed: number;
  pooling: Pooling;
  causal: boolean;
  /** Cluster centres in the plane, dragged by the reader. */
  centres: Centre[];
  /** The seeded parts of the tokens for (seed, n, d, k); replaced only when one of those changes. */
  tokens: ClusterTokens;
  head: ClusterHead;
  /** Token positions in the plane [n, 2] and embeddings X [n, d], recomputed on every drag step. */
  positions: Matrix;
  x: Matrix;
  view: ZoomBlock;
  /** The entry under the pointer or keyboard cursor: its row is read back in full. */
  hover: { row: number; col: number } | null;
  cap: BackendCap | null;
  message: InlineMessage | null;
  result: LargeAttentionOutcome | null;
  computeMs: number | null;
  computeError: string | null;
  resultVersion: number;
}

export interface LargeAttentionActions {
  setN(n: number): void;
  setD(d: number): void;
  setK(k: number): void;
  setSeed(seed: number): void;
  setPooling(pooling: Pooling): void;
  setCausal(causal: boolean): void;
  /** Moves centre `index` to (x, y), clamped to the square; invalid input is ignored. */
  moveCentre(index: number, xy: readonly [number, number]): void;
  setView(view: ZoomBlock): void;
  setHover(cell: { row: number; col: number } | null): void;
  setCap(cap: BackendCap | null): void;
  setResult(result: LargeAttentionOutcome): void;
  setComputeError(message: string | null): void;
}

export type LargeAttentionStore = StoreApi<LargeAttentionState & LargeAttentionActions>;

const fullBlock = (n: number): ZoomBlock => ({ rowStart: 0, colStart: 0, rows: n, cols: n });

/** The settings and zoom a link restored (already checked by the codec, so nothing to report). */
function fromShared(shared: LargeAttentionShared): { settings: LargeAttentionSettings; view: ZoomBlock } {
  const pairs: Centre[] = [];
  for (let i = 0; i + 1 < shared.centres.length; i += 2)
    pairs.push([shared.centres[i] as number, shared.centres[i + 1] as number]);
  const { n, d, k, seed, pooling, causal } = shared;
  const [rowStart, colStart, rows, cols] = shared.zoom;
  const view = shared.zoom.length === 4 ? ({ rowStart, colStart, rows, cols } as ZoomBlock) : fullBlock(n);
  return { settings: { n, d, k, seed, pooling, causal, centres: centresFor(seed, k, pairs) }, view };
}

/** One store per widget instance: hold it in `useState(() => createLargeAttentionStore(props))`. */
export function createLargeAttentionStore(
  props: LargeAttentionStoreProps & { shared?: LargeAttentionShared } = {},
): LargeAttentionStore {
  const restored = props.shared ? fromShared(props.shared) : null;
  const { settings, message } = restored ? { settings: restored.settings, message: null } : settingsOf(props);
  const tokens = clusterTokens(settings.seed, settings.n, settings.d, settings.k);
  const positions = tokenPositions(tokens, settings.centres);

  return createStore<LargeAttentionState & LargeAttentionActions>()((set, get) => {
    /** New seeded parts (and with them positions and X) after n, d, k or the seed changed. */
    const redraw = (patch: Partial<LargeAttentionState>) => {
      const s = { ...get(), ...patch };
      const t = clusterTokens(s.seed, s.n, s.d, s.k);
      const p = tokenPositions(t, s.centres);
      const head = s.d !== get().d || s.seed !== get().seed ? clusterHead(s.seed, s.d) : s.head;
      // A different matrix: the old zoom and hovered entry mean other tokens now.
      const reshaped = s.n !== get().n;
      set({
        ...patch,
        tokens: t,
        positions: p,
        x: liftTokens(t, p),
        head,
        view: reshaped ? fullBlock(s.n) : s.view,
        hover: reshaped ? null : s.hover,
        message: null,
      });
    };

    return {
      ...settings,
      tokens,
      head: clusterHead(settings.seed, settings.d),
      positions,
      x: liftTokens(tokens, positions),
      view: restored?.view ?? fullBlock(settings.n),
      hover: null,
      cap: null,
      message,
      result: null,
      computeMs: null,
      computeError: null,
      resultVersion: 0,

      setN(n) {
        if (N_STEPS.includes(n) && n !== get().n) redraw({ n });
      },
      setD(d) {
        if (D_CHOICES.includes(d) && d !== get().d) redraw({ d });
      },
      setK(k) {
        const next = clampK(k);
        if (next === get().k) return;
        redraw({ k: next, centres: centresFor(get().seed, next, get().centres.slice(0, next)) });
      },
      setSeed(value) {
        if (!Number.isFinite(value)) return;
        const seed = seedOf(value);
        if (seed !== get().seed) redraw({ seed, centres: centresFor(seed, get().k, []) });
      },
      setPooling: (pooling) => {
        if ((pooling === "max" || pooling === "mean") && pooling !== get().pooling) set({ pooling });
      },
      setCausal: (causal) => {
        if (causal !== get().causal) set({ causal });
      },
      moveCentre(index, [x, y]) {
        const s = get();
        if (!Number.isInteger(index) || index < 0 || index >= s.k) return;
        if (!Number.isFinite(x) || !Number.isFinite(y)) return;
        const centres = s.centres.slice();
        centres[index] = [clampCoordinate(x), clampCoordinate(y)];
        const p = tokenPositions(s.tokens, centres);
        set({ centres, positions: p, x: liftTokens(s.tokens, p), message: null });
      },
      setView(view) {
        const { n } = get();
        const ok = [view.rowStart, view.colStart, view.rows, view.cols].every(Number.isInteger);
        if (!ok || view.rows < 1 || view.cols < 1 || view.rowStart < 0 || view.colStart < 0) return;
        if (view.rowStart + view.rows > n || view.colStart + view.cols > n) return;
        set({ view: { rowStart: view.rowStart, colStart: view.colStart, rows: view.rows, cols: view.cols } });
      },
      setHover(cell) {
        const now = get().hover;
        if (cell === null ? now === null : now?.row === cell.row && now?.col === cell.col) return;
        set({ hover: cell ? { row: cell.row, col: cell.col } : null });
      },
      setCap(cap) {
        const now = get().cap;
        if (now?.n === cap?.n && now?.backend === cap?.backend) return;
        set({ cap });
      },
      setResult(result) {
        set({ result, computeMs: result.ms, computeError: null, resultVersion: get().resultVersion + 1 });
      },
      setComputeError: (computeError) => set({ computeError }),
    };
  });
}

/** The job for the state on screen. */
export function largeAttentionJob(s: LargeAttentionState): LargeAttentionJob {
  return {
    n: s.n,
    d: s.d,
    x: s.x,
    head: s.head,
    causal: s.causal,
    view: { ...s.view, maxPixels: MAX_PIXELS, pooling: s.pooling },
    row: s.hover?.row ?? null,
  };
}

/** True when the store changed in a way that needs a new engine result. */
export function largeAttentionInputsChanged(a: LargeAttentionState, b: LargeAttentionState): boolean {
  return (
    a.x !== b.x ||
    a.head !== b.head ||
    a.causal !== b.causal ||
    a.pooling !== b.pooling ||
    a.view !== b.view ||
    (a.hover?.row ?? null) !== (b.hover?.row ?? null) ||
    a.cap !== b.cap
  );
}

/** Said instead of computing when n is past the cap of the backend that must compute it. */
export function limitMessage(s: Pick<LargeAttentionState, "n" | "cap" | "result">): string | null {
  if (!s.cap || s.n <= s.cap.n) return null;
  const kept = s.result ? ` The figure keeps showing n = ${s.result.job.n}.` : "";
  return `${s.cap.backend} takes at most n = ${s.cap.n} tokens here; n = ${s.n} needs another backend (or auto).${kept}`;
}

/** The hovered entry's exact weight, when the newest result read its row back; else null. */
export function hoveredWeight(s: Pick<LargeAttentionState, "hover" | "result">): number | null {
  const { hover, result } = s;
  if (!hover || !result?.rowWeights || result.job.row !== hover.row) return null;
  if (hover.col >= result.rowWeights.cols) return null;
  return result.rowWeights.data[hover.col];
}
