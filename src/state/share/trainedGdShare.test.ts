import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stateArbitrary } from "../../../tests/support/codecArbitrary";
import { createTrainingStore } from "../trainingStore";
import type { TrainingDriver } from "../trainingTypes";
import { trainedGdCodec as codec, trainedGdShared } from "./trainedGdShare";

/** A driver that is never started: the store is only read. */
const idle: TrainingDriver<unknown> = {
  subscribe: () => () => {},
  start() {},
  run() {},
  pause() {},
  reset() {},
  loadCheckpoint() {},
  setRate() {},
  setBackend() {},
  probe: () => Promise.reject(new Error("no probes")),
  dispose() {},
};

const valid = stateArbitrary(codec).map((raw) => codec.decode(codec.encode(raw)).state);

describe("the trained-gd link", () => {
  it("restores every valid configuration exactly, through the codec and through the store", () => {
    fc.assert(
      fc.property(valid, (state) => {
        expect(codec.decode(codec.encode(state))).toEqual({ state, messages: [] });
        const store = createTrainingStore("gd", idle, { shared: state });
        expect(trainedGdShared(store.getState())).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });

  it("writes the essay's figure as the bare version, and never throws on random text", () => {
    expect(codec.encode(trainedGdShared(createTrainingStore("gd", idle).getState()))).toBe("v1");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const { state } = codec.decode(text);
        expect(codec.decode(codec.encode(state)).messages).toEqual([]);
      }),
    );
  });

  it("keeps the valid settings of a hand-edited link and names the bad one", () => {
    const { state, messages } = codec.decode("v1;seed=12;speed=7;source=scratch;steps=400");
    expect(state).toEqual({ seed: 12, steps: 400, speed: "max", source: "scratch" });
    expect(messages).toEqual(['Ignored speed="7": speed must be one of 5, 20, 60, max.']);
    expect(codec.decode("v1;seed=2147483648").messages).toEqual([
      'Ignored seed="2147483648": seed must be a whole number from 0 to 2147483647.',
    ]);
    expect(codec.decode("v1;weights=0.5,1").messages).toEqual(['Ignored the unknown setting "weights".']);
  });

  it("writes what the reader set on the store, never the trained weights", () => {
    const store = createTrainingStore("gd", idle, { seed: 5 });
    store.getState().setRate(60);
    expect(codec.encode(trainedGdShared(store.getState()))).toBe("v1;seed=5;speed=60");
    store.setState({ status: "idle", backend: { name: "cpu", adapter: "", reason: "" } });
    store.getState().train();
    expect(codec.encode(trainedGdShared(store.getState()))).toBe("v1;seed=5;speed=60;source=scratch");
  });
});
