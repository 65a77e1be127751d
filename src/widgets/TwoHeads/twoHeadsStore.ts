import { createStore, type StoreApi } from "zustand/vanilla";
import type { AttentionParams, AttentionResult } from "../../core/attention";
import type { Matrix } from "../../core/matrix";
import { type PresetName, weightPresets } from "../../core/presets";
import { tokenStart } from "../../state/share/tokenStart";
import type { TwoHeadsShared } from "../../state/share/twoHeadsShare";
import { type MovedPoints, type TokenFields, tokenFields, withMovedPoint } from "../../state/tokenPoints";

/**
 * The state of the two-heads figure: one set of tokens (shared token/point logic from
 * src/state/tokenPoints.ts) read by two attention heads, each with its own W_Q, W_K, W_V chosen
 * from the presets. It lives beside its widget because nothing else uses it.
 */

export interface HeadState {
  preset: PresetName;
  /** `W_Q [2, 2]`, `W_K [2, 2]`, `W_V [2, 2]` of this head: the preset's matrices. */
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
}

export interface TwoHeadsState extends TokenFields {
  moved: MovedPoints;
  heads: readonly [HeadState, HeadState];
  /** The query whose mixing lines both planes draw. */
  selectedRow: number | null;
  /** Each head's newest result for the tokens on screen, or null while the first computes. */
  results: readonly [AttentionResult, AttentionResult] | null;
  computeMs: number | null;
  resultVersion: number;
  computeError: string | null;
}

export interface TwoHeadsActions {
  setText(text: string): void;
  movePoint(index: number, xy: readonly [number, number]): void;
  setPreset(head: 0 | 1, preset: PresetName): void;
  selectRow(index: number | null): void;
  setResults(results: readonly [AttentionResult, AttentionResult], ms: number): void;
  setComputeError(message: string | null): void;
}

export type TwoHeadsStore = StoreApi<TwoHeadsState & TwoHeadsActions>;

export interface TwoHeadsStoreProps {
  initialText?: string;
  /** The presets of head 1 and head 2; default "similar" and "rotation". */
  presets?: readonly [PresetName, PresetName];
  /** A state restored from a link (already checked by its codec); it replaces the props above. */
  shared?: TwoHeadsShared;
}

const headOf = (preset: PresetName): HeadState => {
  const { wq, wk, wv } = weightPresets[preset];
  return { preset, wq, wk, wv };
};

/** Attention inputs of head `h` for the current tokens. */
export function headParams(s: TwoHeadsState, h: 0 | 1): AttentionParams {
  const { wq, wk, wv } = s.heads[h];
  return { x: s.points, wq, wk, wv };
}

/** What a reader can set, as the store starts: from a link's state, or else from the props. */
function startOf(props: TwoHeadsStoreProps) {
  const { shared } = props;
  if (shared) {
    const start = tokenStart(shared.text, shared.moved);
    const n = start.tokens.length;
    return {
      ...start,
      presets: [shared.head1, shared.head2] as const,
      selectedRow: n === 0 || shared.row < 0 ? null : Math.min(shared.row, n - 1),
    };
  }
  const start = tokenStart(props.initialText ?? "");
  return {
    ...start,
    presets: props.presets ?? (["similar", "rotation"] as const),
    selectedRow: start.tokens.length > 0 ? 0 : null,
  };
}

export function createTwoHeadsStore(props: TwoHeadsStoreProps = {}): TwoHeadsStore {
  const { presets, ...start } = startOf(props);
  return createStore<TwoHeadsState & TwoHeadsActions>()((set, get) => ({
    ...start,
    heads: [headOf(presets[0]), headOf(presets[1])],
    results: null,
    computeMs: null,
    resultVersion: 0,
    computeError: null,

    setText(text) {
      const next = tokenFields(text, get().moved);
      const n = next.tokens.length;
      set({
        ...next,
        selectedRow: n === 0 ? null : Math.min(get().selectedRow ?? 0, n - 1),
        ...(get().results?.[0].weights.rows === n ? {} : { results: null }),
      });
    },
    movePoint(index, xy) {
      const next = withMovedPoint(get().tokens, get().moved, index, xy);
      if (next) set(next);
    },
    setPreset(head, preset) {
      if (!(preset in weightPresets)) return;
      const heads: [HeadState, HeadState] = [...get().heads];
      heads[head] = headOf(preset);
      set({ heads });
    },
    selectRow(index) {
      const n = get().tokens.length;
      set({ selectedRow: index === null || n === 0 ? null : Math.min(Math.max(0, index), n - 1) });
    },
    setResults: (results, ms) =>
      set({ results, computeMs: ms, computeError: null, resultVersion: get().resultVersion + 1 }),
    setComputeError: (computeError) => set({ computeError }),
  }));
}

/** The results if they belong to the tokens on screen (see AttentionExplorer's currentResult). */
export function currentResults(s: TwoHeadsState): readonly [AttentionResult, AttentionResult] | null {
  return s.results && s.results[0].weights.rows === s.tokens.length ? s.results : null;
}
