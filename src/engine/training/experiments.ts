import { gdExperiment } from "./gdExperiment";
import { inductionExperiment } from "./inductionExperiment";
import { mlpExperiment } from "./mlpExperiment";
import type {
  Experiment,
  ExperimentId,
  GdSnapshot,
  InductionProbeRequest,
  InductionProbeResult,
  InductionSnapshot,
  MlpSnapshot,
} from "./types";

/*
 * The registry of Part III's experiments, by id: what the trainer, the worker, the checkpoint
 * parser and `npm run train:<id>` look experiments up in. Importing it loads no tfjs.
 */

/** Each registered experiment with its snapshot (and probe) types. */
export interface RegisteredExperiments {
  gd: Experiment<GdSnapshot>;
  mlp: Experiment<MlpSnapshot>;
  induction: Experiment<InductionSnapshot, InductionProbeRequest, InductionProbeResult>;
}

const registry: RegisteredExperiments = {
  gd: gdExperiment,
  mlp: mlpExperiment,
  induction: inductionExperiment,
};

/** Whether `id` names an experiment this build can train. */
export function isRegisteredExperiment(id: string): id is keyof RegisteredExperiments {
  return Object.hasOwn(registry, id);
}

/** The experiment `id`; throws an Error naming the registered ones if it is not (yet) registered. */
export function experimentById<Id extends keyof RegisteredExperiments>(id: Id): RegisteredExperiments[Id];
export function experimentById(id: ExperimentId): Experiment<unknown, unknown, unknown>;
export function experimentById(id: ExperimentId): Experiment<unknown, unknown, unknown> {
  if (!isRegisteredExperiment(id)) {
    throw new Error(
      `There is no experiment "${id}"; the registered ones are ${Object.keys(registry).join(", ")}`,
    );
  }
  return registry[id] as Experiment<unknown, unknown, unknown>;
}
