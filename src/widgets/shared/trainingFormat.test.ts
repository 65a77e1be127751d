import { describe, expect, it } from "vitest";
import { formatLoss, formatTimeLeft, progressText } from "./trainingFormat";

describe("training progress text", () => {
  it("writes losses with two decimals from 1 up and two significant digits below", () => {
    expect(formatLoss(1.666)).toBe("1.67");
    expect(formatLoss(0.9123)).toBe("0.91");
    expect(formatLoss(0.05234)).toBe("0.052");
    expect(formatLoss(Number.NaN)).toBe("not a number");
  });

  it("says the time left in seconds, then minutes, and nothing when unknown", () => {
    expect(formatTimeLeft(17.6)).toBe("about 18 s left");
    expect(formatTimeLeft(0.4)).toBe("less than a second left");
    expect(formatTimeLeft(600)).toBe("about 10 min left");
    expect(formatTimeLeft(null)).toBeNull();
    expect(formatTimeLeft(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("names every model's newest loss, and leaves out a run length it does not know", () => {
    const history = [{ step: 412, losses: { twoLayer: 0.076, oneLayer: 1.4 } }];
    const models = [
      { id: "twoLayer", name: "2-layer" },
      { id: "oneLayer", name: "1-layer" },
    ] as const;
    expect(progressText(412, 1000, history, models, 58)).toBe(
      "step 412 / 1000 · loss: 2-layer 0.076, 1-layer 1.40 · about 58 s left",
    );
    expect(progressText(412, 0, history, models, null)).toBe("step 412 · loss: 2-layer 0.076, 1-layer 1.40");
    expect(progressText(0, 1000, [], models, null)).toBe("step 0 / 1000");
  });
});
