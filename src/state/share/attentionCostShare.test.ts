import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { COST_D_CHOICES, createCostStore } from "../largeAttentionCostStore";
import { attentionCostShared, attentionCostCodec as codec } from "./attentionCostShare";

describe("the attention-cost link", () => {
  it("restores every valid setting exactly through the store, and reads each offered d", () => {
    expectStoreRestores(codec, (shared) => attentionCostShared(createCostStore({ shared }).getState()), {
      runs: 100,
    });
    for (const d of COST_D_CHOICES) expect(codec.decode(`v1;d=${d}`)).toEqual({ state: { d }, messages: [] });
  });

  it("writes the essay's figure as the bare version", () => {
    expectDefaultsEncodeBare(codec, attentionCostShared(createCostStore().getState()));
  });

  it("keeps a link's d over the figure's prop, and says why a d it cannot use was replaced", () => {
    expect(createCostStore({ d: 8, shared: { d: 32 } }).getState().d).toBe(32);
    expect(codec.decode("v1;d=24")).toEqual({
      state: { d: 64 },
      messages: ["d = 24 is not one of 8, 16, 32, 64; the benchmark uses d = 64."],
    });
    expect(codec.decode("v1;d=16;ms=3").messages).toEqual(['Ignored the unknown setting "ms".']);
  });

  it("leaves the measured timings out of the link", () => {
    const store = createCostStore({ shared: { d: 16 } });
    const runId = store.getState().begin([{ backend: "cpu", ns: [16], cappedAt: null, limit: 4096 }]);
    store.getState().record(runId, { backend: "cpu", n: 16, d: 16, ms: 0.25 });
    store.getState().finish(runId);
    expect(codec.encode(attentionCostShared(store.getState()))).toBe("v1;d=16");
  });
});
