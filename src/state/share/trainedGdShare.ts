import { defineCodec } from "./codec";
import { type TrainingShared, trainingFields, trainingShared } from "./trainingShare";

/**
 * A link to the trained-gradient-descent figure: the seed, run length, speed and whether it shows
 * the pretrained checkpoint or a run from scratch (which restarts from the seed when opened).
 */
export type TrainedGdShared = TrainingShared;

export const trainedGdCodec = defineCodec<TrainedGdShared>({
  name: "trained-gd",
  version: 1,
  fields: trainingFields,
});

/** The shareable part of the figure's training store. */
export const trainedGdShared = trainingShared;
