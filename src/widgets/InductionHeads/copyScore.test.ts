import { describe, expect, it } from "vitest";
import { inductionProbe, sampleInductionBatch } from "../../core/inductionTasks";
import { createRng } from "../../core/rng";
import { copyScore, repeatedPositions } from "./copyScore";
import { INDUCTION_TASK } from "./inductionTask";

describe("repeatedPositions", () => {
  it("marks the second copy of a repeated segment after its first token", () => {
    // a b c d a b c d: positions 4, 5, 6 predict b, c, d from the first copy.
    expect(repeatedPositions([0, 1, 2, 3, 0, 1, 2, 3])).toEqual([4, 5, 6]);
  });

  it("is empty when no pair of tokens repeats", () => {
    expect(repeatedPositions([0, 1, 2, 3, 1, 0])).toEqual([]);
    expect(repeatedPositions([5])).toEqual([]);
  });

  it("agrees with the training task's repeat mask on sampled sequences", () => {
    const batch = sampleInductionBatch(createRng(7), 20, INDUCTION_TASK);
    const varied = sampleInductionBatch(createRng(8), 20, { ...INDUCTION_TASK, minSegment: 3 });
    const probe = inductionProbe(INDUCTION_TASK);
    for (const b of [batch, varied, probe]) {
      for (let s = 0; s < b.batch; s++) {
        const tokens = Array.from(b.tokens.subarray(s * b.length, (s + 1) * b.length));
        const mask = Array.from(b.repeatMask.subarray(s * b.length, (s + 1) * b.length));
        const marked = mask.flatMap((m, t) => (m === 1 ? [t] : []));
        // The random filler after the copies may repeat a pair by chance; the copy never misses one.
        const found = repeatedPositions(tokens);
        expect(found).toEqual(expect.arrayContaining(marked));
        expect(found.filter((t) => t < b.prefixLengths[s] + 2 * b.segmentLengths[s] - 1)).toEqual(marked);
      }
    }
  });
});

describe("copyScore", () => {
  it("counts the repeated positions whose most likely next token is the actual one", () => {
    const tokens = [0, 1, 2, 0, 1, 2];
    const guess = (ids: number[]) => ids.map((token) => ({ token, probability: 0.5 }));
    expect(copyScore(tokens, guess([9, 9, 9, 1, 2, 9]))).toEqual({ repeated: [3, 4], correct: 2 });
    expect(copyScore(tokens, guess([1, 2, 0, 1, 9, 9]))).toEqual({ repeated: [3, 4], correct: 1 });
  });
});
