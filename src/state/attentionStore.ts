import { createStore, type StoreApi } from "zustand/vanilla";
import type { AttentionResult } from "../core/attention";
import { embedTokens, spreadDuplicates } from "../core/embedding";
import { type Matrix, matrix } from "../core/matrix";
import { type PresetName, weightPresets } from "../core/presets";
import { tokenize } from "../core/tokens";

/** The most tokens an essay widget takes; beyond it the first ones are kept and the reader is told. */
export const TOKEN_LIMIT = 64;
/** Embedding coordinates are clamped to ±PLANE_LIMIT so a point can always be dragged back. */
export const PLANE_LIMIT = 3;
/** Entries of W_Q, W_K, W_V are clamped to ±WEIGHT_LIMIT: larger ones only saturate the softmax. */
export const WEIGHT_LIMIT = 10;

export type ProjectionName = "wq" | "wk" | "wv";
export type Role = "q" | "k" | "v";

/** A message shown inline under the text box; never an exception. */
export interface InlineMessage {
  kind: "hint" | "warning";
  text: string;
}

export interface AttentionState {
  /** Exactly what the reader typed: never trimmed or truncated, so nothing they wrote is lost. */
  text: string;
  /** The first TOKEN_LIMIT tokens of `text`. */
  tokens: string[];
  /** How many tokens `text` holds before truncation. */
  totalTokens: number;
  message: InlineMessage | null;
  /** Token embeddings X [n, 2]: the built-in layout, with the reader's drags applied. */
  points: Matrix;
  /** Dragged positions keyed by `index + "\u0000" + token`, so editing the text keeps earlier drags. */
  moved: ReadonlyMap<string, readonly [number, number]>;
  preset: PresetName | "custom";
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
  causal: boolean;
  /** Softmax temperature τ > 0: weights = softmax(scores / τ). */
  temperature: number;
  arrows: Readonly<Record<Role, boolean>>;
  /** The query row highlighted in the heatmaps and drawn as a convex combination in the plane. */
  selectedRow: number | null;
  /** The newest computed attention for the current inputs (or the previous ones while a job runs). */
  result: AttentionResult | null;
  /** Milliseconds the engine took for `result`, read back included. */
  computeMs: number | null;
  /** Counts landed results; the widget exposes it so tests and the benchmark can wait for a repaint. */
  resultVersion: number;
  computeError: string | null;
}

export interface AttentionActions {
  setText(text: string): void;
  movePoint(index: number, xy: readonly [number, number]): void;
  resetPoints(): void;
  setWeight(which: ProjectionName, i: number, j: number, value: number): void;
  applyPreset(name: PresetName): void;
  setCausal(causal: boolean): void;
  setTemperature(temperature: number): void;
  toggleArrow(role: Role): void;
  selectRow(index: number | null): void;
  setResult(result: AttentionResult, ms: number): void;
  setComputeError(message: string | null): void;
}

export type AttentionStore = StoreApi<AttentionState & AttentionActions>;

export interface AttentionStoreProps {
  initialText?: string;
  preset?: PresetName;
}

const movedKey = (index: number, token: string) => `${index}\u0000${token}`;

function messageFor(total: number): InlineMessage | null {
  if (total === 0)
    return { kind: "hint", text: "Type a sentence above: each word becomes a token you can drag." };
  if (total > TOKEN_LIMIT) {
    return {
      kind: "warning",
      text: `Your text has ${total} tokens; this figure shows the first ${TOKEN_LIMIT}. Your full text is kept in the box.`,
    };
  }
  return null;
}

function layoutPoints(tokens: string[], moved: ReadonlyMap<string, readonly [number, number]>): Matrix {
  const base = spreadDuplicates(embedTokens(tokens), tokens);
  const points = matrix(base.rows, 2, base.data);
  tokens.forEach((token, i) => {
    const xy = moved.get(movedKey(i, token));
    if (xy) points.data.set(xy, i * 2);
  });
  return points;
}

const clamp = (value: number, limit: number) => Math.min(limit, Math.max(-limit, value));

/** One store per widget instance: hold it in `useState(() => createAttentionStore(props))`. */
export function createAttentionStore(props: AttentionStoreProps = {}): AttentionStore {
  const text = props.initialText ?? "";
  const { tokens, total } = tokenize(text, TOKEN_LIMIT);
  const preset = weightPresets[props.preset ?? "similar"];
  const moved = new Map<string, readonly [number, number]>();

  return createStore<AttentionState & AttentionActions>()((set, get) => ({
    text,
    tokens,
    totalTokens: total,
    message: messageFor(total),
    points: layoutPoints(tokens, moved),
    moved,
    preset: props.preset ?? "similar",
    wq: preset.wq,
    wk: preset.wk,
    wv: preset.wv,
    causal: false,
    temperature: 1,
    arrows: { q: false, k: false, v: false },
    selectedRow: tokens.length > 0 ? 0 : null,
    result: null,
    computeMs: null,
    resultVersion: 0,
    computeError: null,

    setText(next) {
      const { tokens: nextTokens, total: nextTotal } = tokenize(next, TOKEN_LIMIT);
      const { selectedRow } = get();
      set({
        text: next,
        tokens: nextTokens,
        totalTokens: nextTotal,
        message: messageFor(nextTotal),
        points: layoutPoints(nextTokens, get().moved),
        selectedRow: nextTokens.length === 0 ? null : Math.min(selectedRow ?? 0, nextTokens.length - 1),
        // A result for another token count would not line up with the new labels.
        ...(get().result?.weights.rows === nextTokens.length ? {} : { result: null }),
      });
    },

    movePoint(index, [x, y]) {
      const { tokens: current, moved: prev } = get();
      if (index < 0 || index >= current.length || !Number.isFinite(x) || !Number.isFinite(y)) return;
      const moved = new Map(prev);
      moved.set(movedKey(index, current[index]), [clamp(x, PLANE_LIMIT), clamp(y, PLANE_LIMIT)]);
      set({ moved, points: layoutPoints(current, moved) });
    },

    resetPoints() {
      const moved = new Map<string, readonly [number, number]>();
      set({ moved, points: layoutPoints(get().tokens, moved) });
    },

    setWeight(which, i, j, value) {
      const current = get()[which];
      if (!Number.isFinite(value) || i < 0 || j < 0 || i >= current.rows || j >= current.cols) return;
      const next = matrix(current.rows, current.cols, current.data);
      next.data[i * current.cols + j] = clamp(value, WEIGHT_LIMIT);
      set({ [which]: next, preset: "custom" } as Partial<AttentionState>);
    },

    applyPreset(name) {
      const { wq, wk, wv } = weightPresets[name];
      set({ preset: name, wq, wk, wv });
    },

    setCausal: (causal) => set({ causal }),

    setTemperature(temperature) {
      if (Number.isFinite(temperature) && temperature > 0) set({ temperature: Math.min(temperature, 100) });
    },

    toggleArrow: (role) => set({ arrows: { ...get().arrows, [role]: !get().arrows[role] } }),

    selectRow(index) {
      const n = get().tokens.length;
      set({ selectedRow: index === null || n === 0 ? null : Math.min(Math.max(0, index), n - 1) });
    },

    setResult: (result, ms) =>
      set({ result, computeMs: ms, computeError: null, resultVersion: get().resultVersion + 1 }),
    setComputeError: (computeError) => set({ computeError }),
  }));
}
