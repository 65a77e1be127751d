import { describe, expect, it } from "vitest";
import { expectDefaultsEncodeBare, expectStoreRestores } from "../../../tests/support/codecLaws";
import { createFakeDriver } from "../../../tests/support/fakeTrainingDriver";
import { createTrainingStore, type TrainingStoreOptions } from "../trainingStore";
import { mlpVsAttentionCodec, mlpVsAttentionShared } from "./mlpVsAttentionShare";
import { trainedGdCodec, trainedGdShared } from "./trainedGdShare";

/** The Part III figures whose link is the training configuration alone (induction heads adds a probe). */
const figures = [
  { name: "trained-gd", experiment: "gd", codec: trainedGdCodec, shared: trainedGdShared },
  { name: "mlp-vs-attention", experiment: "mlp", codec: mlpVsAttentionCodec, shared: mlpVsAttentionShared },
] as const;

describe.each(figures)("the $name link", ({ experiment, codec, shared: sharedOf }) => {
  /** A driver that sends no events: the stores here are only read and set. */
  const idle = createFakeDriver(experiment);
  const storeOf = (options: TrainingStoreOptions = {}) => createTrainingStore(experiment, idle, options);

  it("restores every valid configuration exactly through the store", () => {
    expectStoreRestores(codec, (shared) => sharedOf(storeOf({ shared }).getState()));
  });

  it("writes the essay's figure as the bare version", () => {
    expectDefaultsEncodeBare(codec, sharedOf(storeOf().getState()));
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
    const store = storeOf({ seed: 5 });
    store.getState().setRate(60);
    expect(codec.encode(sharedOf(store.getState()))).toBe("v1;seed=5;speed=60");
    store.setState({ status: "idle", backend: { name: "cpu", adapter: "", reason: "" } });
    store.getState().train();
    expect(codec.encode(sharedOf(store.getState()))).toBe("v1;seed=5;speed=60;source=scratch");
  });
});
