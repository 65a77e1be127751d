import { describe, expect, it } from "vitest";
import { matrix } from "../core/matrix";
import { MAX_PIXELS, snapD, snapN } from "./largeAttentionSettings";
import {
  createLargeAttentionStore,
  hoveredWeight,
  type LargeAttentionOutcome,
  largeAttentionInputsChanged,
  largeAttentionJob,
  limitMessage,
} from "./largeAttentionStore";

describe("largeAttention store", () => {
  it("starts from valid settings, saying what it changed", () => {
    const s = createLargeAttentionStore({
      n: 1000,
      d: 14,
      k: 9,
      centres: [
        [5, 0],
        [Number.NaN, 0],
      ],
    }).getState();
    expect([s.n, s.d, s.k]).toEqual([1024, 16, 5]);
    expect(s.centres).toHaveLength(5);
    expect(s.centres[0]).toEqual([1.2, 0]);
    expect(s.message?.text).toMatch(/n = 1000 became 1024/);
    expect(s.message?.text).toMatch(/left out/);
    expect([s.x.rows, s.x.cols]).toEqual([1024, 16]);
    expect(createLargeAttentionStore().getState().message).toBeNull();
  });

  it("snaps n on a log scale and d to the offered choices", () => {
    expect([snapN(3), snapN(90), snapN(100), snapN(1e9), snapN(Number.NaN)]).toEqual([8, 64, 128, 4096, 512]);
    expect([snapD(1), snapD(20), snapD(1000)]).toEqual([2, 16, 64]);
  });

  it("a centre drag moves only that cluster's tokens and keeps the seeded parts", () => {
    const store = createLargeAttentionStore({ n: 64, d: 8, k: 2, seed: 3 });
    const before = store.getState();
    store.getState().moveCentre(1, [0.9, -0.2]);
    const after = store.getState();
    expect(after.tokens).toBe(before.tokens);
    expect(after.head).toBe(before.head);
    expect(after.x).not.toBe(before.x);
    for (let i = 0; i < 64; i++) {
      const moved = after.positions.data[2 * i] !== before.positions.data[2 * i];
      expect(moved, `token ${i}`).toBe(after.tokens.cluster[i] === 1);
    }
    expect(largeAttentionInputsChanged(after, before)).toBe(true);
    // Out of the square is clamped; nonsense is ignored.
    store.getState().moveCentre(0, [7, -7]);
    expect(store.getState().centres[0]).toEqual([1.2, -1.2]);
    const x = store.getState().x;
    store.getState().moveCentre(0, [Number.NaN, 0]);
    store.getState().moveCentre(5, [0, 0]);
    expect(store.getState().x).toBe(x);
  });

  it("a new n resets the zoom and the hovered entry; d and the seed redraw the head", () => {
    const store = createLargeAttentionStore({ n: 256, d: 8 });
    store.getState().setView({ rowStart: 64, colStart: 0, rows: 64, cols: 64 });
    store.getState().setHover({ row: 70, col: 3 });
    const head = store.getState().head;
    store.getState().setN(1024);
    expect(store.getState().view).toEqual({ rowStart: 0, colStart: 0, rows: 1024, cols: 1024 });
    expect(store.getState().hover).toBeNull();
    expect(store.getState().head).toBe(head);
    store.getState().setN(1000); // not a stop of the slider
    expect(store.getState().n).toBe(1024);
    store.getState().setD(32);
    expect(store.getState().head).not.toBe(head);
    expect(store.getState().x.cols).toBe(32);
    store.getState().setK(4);
    expect(store.getState().centres).toHaveLength(4);
    expect(store.getState().tokens.k).toBe(4);
  });

  it("rejects a view outside the matrix", () => {
    const store = createLargeAttentionStore({ n: 64 });
    const view = store.getState().view;
    store.getState().setView({ rowStart: 60, colStart: 0, rows: 8, cols: 8 });
    store.getState().setView({ rowStart: 0.5, colStart: 0, rows: 8, cols: 8 });
    expect(store.getState().view).toBe(view);
  });

  it("the job asks for the view at the figure's resolution and the hovered row in full", () => {
    const store = createLargeAttentionStore({ n: 128, pooling: "mean", causal: true });
    store.getState().setHover({ row: 5, col: 9 });
    const job = largeAttentionJob(store.getState());
    expect(job.view).toEqual({
      rowStart: 0,
      colStart: 0,
      rows: 128,
      cols: 128,
      maxPixels: MAX_PIXELS,
      pooling: "mean",
    });
    expect(job.row).toBe(5);
    expect(job.causal).toBe(true);
    const before = store.getState();
    store.getState().setHover({ row: 5, col: 10 }); // same row: no new job needed
    expect(largeAttentionInputsChanged(store.getState(), before)).toBe(false);
  });

  it("reads the hovered weight only from a result for that row", () => {
    const store = createLargeAttentionStore({ n: 8 });
    store.getState().setHover({ row: 2, col: 3 });
    const job = largeAttentionJob(store.getState());
    const image = { image: matrix(1, 1), rowEdges: [0, 8], colEdges: [0, 8] };
    const result: LargeAttentionOutcome = {
      job,
      scores: image,
      weights: image,
      scoreRange: [0, 1],
      rowWeights: matrix(1, 8, [0, 0.1, 0.2, 0.3, 0.4, 0, 0, 0]),
      bytesRead: 100,
      backend: "cpu",
      reason: "test",
      ms: 2,
    };
    store.getState().setResult(result);
    expect(hoveredWeight(store.getState())).toBe(0.3);
    store.getState().setHover({ row: 3, col: 3 });
    expect(hoveredWeight(store.getState())).toBeNull();
  });

  it("says when n is past a forced backend's cap, keeping the last picture's n", () => {
    const store = createLargeAttentionStore({ n: 2048 });
    expect(limitMessage(store.getState())).toBeNull();
    store.getState().setCap({ backend: "CPU", n: 1024 });
    expect(limitMessage(store.getState())).toMatch(/CPU takes at most n = 1024 tokens here; n = 2048/);
    store.getState().setN(1024);
    expect(limitMessage(store.getState())).toBeNull();
  });
});
