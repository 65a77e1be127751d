import { readdirSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { optimalOneStepGd } from "../../core/regressionReferences";
import type { Tf } from "../types";
import { parseCheckpoint } from "./checkpoint";
import { experimentById, isRegisteredExperiment } from "./experiments";
import { gdExperiment } from "./gdExperiment";
import { regressionOptions } from "./regressionBatches";
import { gdLossOnTasks } from "./regressionTesting";
import { cpuTrainingTf } from "./testTf";
import { createTrainer } from "./trainer";
import type {
  Checkpoint,
  Experiment,
  ExperimentId,
  GdSnapshot,
  InductionSnapshot,
  MlpSnapshot,
} from "./types";

/*
 * The pretrained checkpoints the page shows at once (public/checkpoints/<id>.json, written by
 * `npm run train:<id>`): each must parse, reproduce its recorded evaluation when loaded, and
 * back the claim its figure makes.
 */

const folder = resolve(import.meta.dirname, "../../../public/checkpoints");
const files = readdirSync(folder).filter((name) => name.endsWith(".json"));

let tf: Tf;
beforeAll(async () => {
  tf = await cpuTrainingTf();
});

function read(id: ExperimentId): Checkpoint {
  const parsed = parseCheckpoint(readFileSync(resolve(folder, `${id}.json`), "utf8"), id);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.checkpoint;
}

/** A trainer (CPU) holding the checkpoint, and what it computes. */
async function loaded(id: ExperimentId) {
  const checkpoint = read(id);
  const trainer = createTrainer(tf, experimentById(id) as Experiment<unknown, unknown, unknown>);
  trainer.load(checkpoint);
  return { checkpoint, trainer, metrics: await trainer.evaluate(), snapshot: await trainer.snapshot() };
}

describe("committed checkpoints", () => {
  it("gd, mlp and induction are there", () => {
    expect(files).toEqual(expect.arrayContaining(["gd.json", "mlp.json", "induction.json"]));
  });

  it.each(files.map((name) => [name.replace(/\.json$/, "")]))(
    "%s: parses, is small, is fully trained and reproduces its metrics within 1e-4",
    async (id) => {
      expect(isRegisteredExperiment(id), `${id}.json has no registered experiment`).toBe(true);
      expect(statSync(resolve(folder, `${id}.json`)).size).toBeLessThan(1_000_000);
      const { checkpoint, trainer, metrics } = await loaded(id as ExperimentId);
      expect(checkpoint.step).toBe(checkpoint.config.steps);
      expect(checkpoint.history.length).toBeGreaterThan(10);
      expect(checkpoint.history.length).toBeLessThanOrEqual(300);
      const ids = Object.keys(checkpoint.metrics);
      expect(ids.sort()).toEqual(Object.keys(trainer.parameterCounts()).sort());
      for (const model of ids as (keyof typeof metrics)[]) {
        const recorded = checkpoint.metrics[model] as number;
        expect(Math.abs((metrics[model] as number) / recorded - 1), model).toBeLessThan(1e-4);
      }
      trainer.dispose();
    },
  );

  it("gd: the trained layer loses what one step of GD with the best η loses, and reads as that step", async () => {
    const { checkpoint, trainer, ...computed } = await loaded("gd");
    const snapshot = computed.snapshot as GdSnapshot;
    const options = regressionOptions(checkpoint.config);
    const optimal = optimalOneStepGd(options);
    const loss = checkpoint.metrics.lsa as number;
    // Against the exact expectation (the evaluation set's own Monte Carlo error is ≈ 1.8 %) …
    expect(Math.abs(loss / optimal.loss - 1)).toBeLessThan(0.03);
    // … and against GD with η* on the very same tasks, where that error cancels.
    const sameTasks = gdLossOnTasks(gdExperiment.evaluationBatch(checkpoint.config), optimal.eta);
    expect(loss / sameTasks.mean - 1).toBeLessThan(0.01);
    expect(Math.abs(snapshot.impliedEta / optimal.eta - 1)).toBeLessThan(0.1);
    expect(snapshot.offIdentity).toBeLessThan(0.1);
    // The loss curve starts at predicting 0 and ends near GD.
    const first = checkpoint.history[0].losses.lsa as number;
    const last = checkpoint.history[checkpoint.history.length - 1].losses.lsa as number;
    expect(first).toBeGreaterThan(1.5);
    expect(last).toBeLessThan(1.05 * optimal.loss);
    trainer.dispose();
  });

  it("mlp: on the same batches the LSA learns in context and the MLP of equal size does not come close", async () => {
    const { checkpoint, trainer, ...computed } = await loaded("mlp");
    const snapshot = computed.snapshot as MlpSnapshot;
    const lsa = checkpoint.metrics.lsa as number;
    const mlp = checkpoint.metrics.mlp as number;
    expect(lsa).toBeLessThan(0.55 * mlp);
    expect(snapshot.shifted.map((row) => row.name)).toEqual([
      "as in training",
      "inputs twice as large",
      "20 examples",
    ]);
    expect(snapshot.shifted[0].losses).toEqual(await trainer.evaluate());
    expect(snapshot.shifted[2].losses.mlp).toBeNull();
    trainer.dispose();
  });
});

describe("committed induction checkpoint", () => {
  it("the two-layer model copies the repeat, the one-layer model does not, and layer 2 holds an induction head", async () => {
    const { checkpoint, trainer, ...computed } = await loaded("induction");
    const snapshot = computed.snapshot as InductionSnapshot;
    expect(checkpoint.metrics.twoLayer).toBeLessThan(0.05);
    expect(checkpoint.metrics.oneLayer).toBeGreaterThan(0.9);
    // On the probe sequence, from each token of the second copy, where does a layer-2 head look?
    // An induction head looks at the token after the earlier occurrence of the current token.
    const tokens = snapshot.tokens;
    const inductionTargets = tokens.flatMap((token, t) => {
      const earlier = tokens.indexOf(token);
      return earlier < t && earlier + 1 < t ? [[t, earlier + 1]] : [];
    });
    expect(inductionTargets.length).toBeGreaterThan(4);
    const layer2 = snapshot.attention.twoLayer?.[1] ?? [];
    expect(layer2.length).toBeGreaterThan(0);
    const onTarget = layer2.map(
      (head) =>
        inductionTargets.reduce((sum, [t, target]) => sum + head.data[t * head.cols + target], 0) /
        inductionTargets.length,
    );
    expect(Math.max(...onTarget)).toBeGreaterThan(0.5);
    trainer.dispose();
  });
});
