import { beforeAll, describe, expect, it } from "vitest";
import type { Tf } from "../types";
import { MAX_CHECKPOINT_CHARS, parseCheckpoint, thinHistory } from "./checkpoint";
import { gdExperiment } from "./gdExperiment";
import { mlpExperiment } from "./mlpExperiment";
import { cpuTrainingTf } from "./testTf";
import { createTrainer } from "./trainer";
import type { Checkpoint, HistoryPoint } from "./types";

let tf: Tf;
/** A real checkpoint of a short mlp run (two models), as the file's text. */
let text: string;
let written: Checkpoint;

beforeAll(async () => {
  tf = await cpuTrainingTf();
  const trainer = createTrainer(tf, mlpExperiment, { batchSize: 32, learningRate: 0.01, steps: 50 });
  const history: HistoryPoint[] = [];
  for (let s = 0; s < 6; s++) {
    const report = await trainer.train();
    history.push({ step: report.step, losses: report.losses });
  }
  written = await trainer.exportCheckpoint(history, await trainer.evaluate(), "cpu");
  text = JSON.stringify(written);
  trainer.dispose();
});

/** Any JSON value: the tests below edit a checkpoint's plain data freely. */
// biome-ignore lint/suspicious/noExplicitAny: hand-editing arbitrary JSON, as a reader might
type Edited = Record<string, any>;

/** The message for the checkpoint edited by `edit` (on a parsed copy), read as `expected`. */
function messageFor(edit: (c: Edited) => void, expected: "gd" | "mlp" = "mlp"): string {
  const copy = JSON.parse(text);
  edit(copy);
  const parsed = parseCheckpoint(JSON.stringify(copy), expected);
  if (parsed.ok) throw new Error("expected the edited checkpoint to be refused");
  return parsed.message;
}

describe("parseCheckpoint", () => {
  it("reads a checkpoint the trainer wrote, unchanged", () => {
    const parsed = parseCheckpoint(text, "mlp");
    expect(parsed).toEqual({ ok: true, checkpoint: JSON.parse(text) });
  });

  it("round trip: export → JSON → parse → load → evaluate gives the recorded metrics exactly", async () => {
    const parsed = parseCheckpoint(text, "mlp");
    if (!parsed.ok) throw new Error(parsed.message);
    const trainer = createTrainer(tf, mlpExperiment);
    trainer.load(parsed.checkpoint);
    expect(trainer.step()).toBe(6);
    expect(trainer.config).toEqual(written.config);
    const metrics = await trainer.evaluate();
    // Parameters are written as float32-exact decimals, metrics as the float32 they were.
    expect(metrics.lsa).toBe(Math.fround(written.metrics.lsa as number));
    expect(metrics.mlp).toBe(Math.fround(written.metrics.mlp as number));
    // Training on from the checkpoint starts Adam afresh: its first update is the same as a fresh
    // Adam's on these weights (bias correction counts Adam's own steps, not the run's).
    const state = await trainer.exportState();
    const report = await trainer.train();
    expect(report.step).toBe(6);
    const fresh = createTrainer(tf, mlpExperiment, written.config);
    fresh.restore({ ...state, step: 0 });
    await fresh.train();
    const [afterLoad, afterFresh] = [await trainer.exportState(), await fresh.exportState()];
    // Same update (the batches differ: step 6's against step 0's), so compare update sizes.
    const largest = (after: typeof state) =>
      Math.max(
        ...Object.entries(after.params.lsa ?? {}).flatMap(([name, e]) =>
          Array.from(e.values, (v, k) => Math.abs(v - (state.params.lsa?.[name].values[k] ?? 0))),
        ),
      );
    // Adam's first step moves every weight by at most α (here 0.01), and some by about α.
    expect(largest(afterLoad)).toBeLessThan(1.001 * written.config.learningRate);
    expect(largest(afterLoad)).toBeGreaterThan(0.9 * written.config.learningRate);
    expect(largest(afterFresh)).toBeLessThan(1.001 * written.config.learningRate);
    fresh.dispose();
    trainer.dispose();
  });

  it("loading a checkpoint adopts its settings, rebuilding models of another size", async () => {
    const wide = createTrainer(tf, mlpExperiment, { options: { mlpHidden: 8 }, batchSize: 16 });
    await wide.train();
    const checkpoint = await wide.exportCheckpoint([], await wide.evaluate(), "cpu");
    const parsed = parseCheckpoint(JSON.stringify(checkpoint), "mlp");
    expect(parsed.ok).toBe(true);
    const trainer = createTrainer(tf, mlpExperiment);
    expect(trainer.parameterCounts().mlp).toBe(489);
    if (parsed.ok) trainer.load(parsed.checkpoint);
    expect(trainer.parameterCounts().mlp).toBe(122 * 8 + 1);
    expect(await trainer.evaluate()).toEqual(await wide.evaluate());
    wide.dispose();
    trainer.dispose();
  });

  it("a checkpoint that does not fit throws on load and leaves the trainer as it was", async () => {
    const trainer = createTrainer(tf, mlpExperiment, { batchSize: 16 });
    await trainer.train();
    const before = await trainer.exportState();
    const tensors = tf.memory().numTensors;
    const bad: Checkpoint = JSON.parse(text);
    const mlp = bad.models.mlp ?? {};
    mlp.w2 = { shape: [3, 1], values: [1, 2, 3] };
    expect(() => trainer.load(bad)).toThrow(/mlp's parameters in the checkpoint: w2 has shape \[3, 1\]/);
    expect(() => trainer.load({ ...bad, experiment: "gd" })).toThrow(
      /A gd checkpoint cannot be loaded into the mlp trainer/,
    );
    expect(tf.memory().numTensors).toBe(tensors);
    expect(trainer.step()).toBe(1);
    expect(trainer.config.batchSize).toBe(16);
    expect(await trainer.exportState()).toEqual(before);
    trainer.dispose();
  });

  it("says when the file is truncated, empty, a web page or not JSON", () => {
    const cut = parseCheckpoint(text.slice(0, Math.floor(text.length / 2)), "mlp");
    expect(cut).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^The checkpoint file is truncated \(invalid JSON at character \d+ of \d+\)/,
      ),
    });
    expect(parseCheckpoint(text.slice(0, -1), "mlp")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/truncated/),
    });
    expect(parseCheckpoint("   ", "mlp")).toEqual({ ok: false, message: "The checkpoint file is empty." });
    expect(parseCheckpoint("<!doctype html><html>", "mlp")).toMatchObject({
      message: expect.stringMatching(/web page/),
    });
    expect(parseCheckpoint('{"format": nope}', "mlp")).toMatchObject({
      message: expect.stringMatching(/not valid JSON/),
    });
    expect(parseCheckpoint("[1, 2]", "mlp")).toMatchObject({
      message: expect.stringMatching(/does not hold a checkpoint/),
    });
    expect(parseCheckpoint(42 as unknown as string, "mlp")).toMatchObject({
      ok: false,
      message: "The checkpoint is not text.",
    });
  });

  it("names a wrong format, version or experiment", () => {
    expect(messageFor((c) => (c.format = "something"))).toMatch(/not a Dynamic Weights checkpoint/);
    expect(messageFor((c) => (c.version = 2))).toMatch(
      /version 2 is not supported; this page reads version 1/,
    );
    expect(messageFor(() => {}, "gd")).toBe('This checkpoint is for the "mlp" experiment, not gd.');
  });

  it("names missing fields", () => {
    expect(messageFor((c) => delete c.config)).toMatch(/no training settings/);
    expect(messageFor((c) => delete c.config.learningRate)).toBe(
      "The checkpoint's settings have no learningRate.",
    );
    expect(messageFor((c) => delete c.models.mlp)).toBe(
      "The checkpoint has no parameters for the mlp model.",
    );
    expect(messageFor((c) => delete c.models.lsa.wq)).toBe("The checkpoint has no parameter wq for lsa.");
    expect(messageFor((c) => delete c.models.lsa.wq.values)).toMatch(/wq of lsa has no list of values/);
    expect(messageFor((c) => delete c.metrics)).toMatch(/evaluation \(metrics\) has no losses/);
    expect(messageFor((c) => delete c.metrics.mlp)).toMatch(/has no loss for mlp/);
    expect(messageFor((c) => delete c.history)).toMatch(/no training history/);
    expect(messageFor((c) => delete c.created)).toMatch(/no creation date/);
    expect(messageFor((c) => delete c.step)).toMatch(/step must be a whole number .* got undefined/);
  });

  it("refuses settings that are not sane", () => {
    expect(messageFor((c) => (c.config.learningRate = 5))).toMatch(
      /learning rate must be a number above 0 and at most 1, got 5/,
    );
    expect(messageFor((c) => (c.config.steps = 1.5))).toMatch(/steps must be a whole number/);
    expect(messageFor((c) => (c.config.options.inputScale = "big"))).toMatch(
      /option inputScale must be a finite number/,
    );
    expect(messageFor((c) => (c.config.options.examples = 0))).toMatch(
      /settings do not make a model: regression tasks: examples N must be a whole number/,
    );
    expect(messageFor((c) => (c.backend = "tpu"))).toMatch(/unknown backend "tpu"/);
  });

  it("refuses parameters of the wrong shape, size or with values that are not finite", () => {
    expect(messageFor((c) => (c.models.lsa.wq.shape = [3, 3]))).toBe(
      "Parameter wq of lsa has shape [3, 3] in the checkpoint, but this experiment's lsa needs [11, 11].",
    );
    // Settings that disagree with the parameters: an MLP of another width.
    expect(messageFor((c) => (c.config.options.mlpHidden = 5))).toMatch(
      /w1 of mlp has shape \[120, 4\].*needs \[120, 5\]/,
    );
    expect(messageFor((c) => c.models.lsa.wk.values.pop())).toBe(
      "Parameter wk of lsa has 120 values; its shape [11, 11] needs 121.",
    );
    expect(messageFor((c) => (c.models.lsa.wv.values[5] = null))).toMatch(
      /wv of lsa has a value that is not a finite number at position 5 \(null; JSON writes NaN and Infinity as null\)/,
    );
    expect(messageFor((c) => (c.models.mlp.b1.values[0] = "0.5"))).toMatch(/b1 of mlp .* position 0/);
    const infinite = parseCheckpoint(
      text.replace(/"projection":\{"shape":\[11,11\],"values":\[[^,]+/, "$&e999"),
      "mlp",
    );
    expect(infinite).toMatchObject({
      ok: false,
      message: expect.stringMatching(/projection of lsa .* \((-)?Infinity;/),
    });
    expect(messageFor((c) => (c.models.lsa.extra = c.models.lsa.wq))).toBe(
      "The checkpoint has an unknown parameter extra for lsa.",
    );
    expect(messageFor((c) => (c.models.oneLayer = {}))).toMatch(
      /parameters for oneLayer, which the mlp experiment does not train/,
    );
  });

  it("refuses huge arrays and huge files without trying to use them", () => {
    expect(messageFor((c) => (c.models.lsa.wq.values = new Array(1_000_000).fill(0)))).toBe(
      "Parameter wq of lsa has 1000000 values; its shape [11, 11] needs 121.",
    );
    const huge = `${text.slice(0, -1)},"padding":"${"x".repeat(MAX_CHECKPOINT_CHARS)}"}`;
    expect(parseCheckpoint(huge, "mlp")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too large \(16\.0 MB; at most 16 MB/),
    });
    expect(messageFor((c) => (c.history = new Array(200_000).fill(c.history[0])))).toMatch(
      /history has 200000 points/,
    );
  });

  it("refuses a malformed history", () => {
    expect(messageFor((c) => (c.history = {}))).toMatch(/history must be a list/);
    expect(messageFor((c) => (c.history[2].step = 1))).toBe(
      "History point 2 (step 1) does not come after step 1.",
    );
    expect(messageFor((c) => (c.history[1].step = 99))).toMatch(
      /History point 1 has step 99; steps are whole numbers from 0 to the checkpoint's 6/,
    );
    expect(messageFor((c) => (c.history[3].losses.lsa = null))).toMatch(
      /History point 3 has a loss for lsa that is not a finite number \(null\)/,
    );
    expect(messageFor((c) => (c.history[0].losses.twoLayer = 1))).toMatch(
      /loss for twoLayer, which this experiment does not train/,
    );
    expect(messageFor((c) => (c.history[0] = 5))).toMatch(/History point 0 is not an object/);
  });

  it("reads a gd checkpoint as gd", async () => {
    const trainer = createTrainer(tf, gdExperiment, { batchSize: 16 });
    const checkpoint = await trainer.exportCheckpoint([], { lsa: 1.5 }, "wasm");
    trainer.dispose();
    expect(parseCheckpoint(JSON.stringify(checkpoint), "gd")).toMatchObject({
      ok: true,
      checkpoint: { experiment: "gd", step: 0 },
    });
    expect(parseCheckpoint(JSON.stringify(checkpoint), "induction")).toMatchObject({ ok: false });
  });
});

describe("thinHistory", () => {
  const curve = (n: number): HistoryPoint[] =>
    Array.from({ length: n }, (_, step) => ({ step, losses: { lsa: step, mlp: 2 * step } }));

  it("keeps a short curve as it is", () => {
    expect(thinHistory(curve(5), 300)).toEqual(curve(5));
  });

  it("averages a long curve into at most `max` points at their buckets' middle steps", () => {
    const thinned = thinHistory(curve(1000), 300);
    expect(thinned.length).toBe(300);
    for (let i = 1; i < thinned.length; i++) expect(thinned[i].step).toBeGreaterThan(thinned[i - 1].step);
    // Buckets of 3 or 4 consecutive steps; a linear curve's bucket mean is its middle.
    const first = thinHistory(curve(10), 2);
    expect(first).toEqual([
      { step: 2, losses: { lsa: 2, mlp: 4 } },
      { step: 7, losses: { lsa: 7, mlp: 14 } },
    ]);
    const noisy = curve(600).map((p) => ({ step: p.step, losses: { lsa: p.step % 2 } }));
    for (const p of thinHistory(noisy, 300)) expect(p.losses.lsa).toBe(0.5);
  });

  it("averages each model over the points that have it", () => {
    const partial: HistoryPoint[] = [
      { step: 0, losses: { lsa: 1 } },
      { step: 1, losses: { lsa: 3, mlp: 10 } },
    ];
    expect(thinHistory(partial, 1)).toEqual([{ step: 1, losses: { lsa: 2, mlp: 10 } }]);
    expect(() => thinHistory(partial, 0)).toThrow(/max/);
  });
});
