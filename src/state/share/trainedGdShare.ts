import { type TrainingShared, trainingCodec, trainingShared } from "./trainingShare";

/**
 * A link to the trained-gradient-descent figure: the seed, run length, speed and whether it shows
 * the pretrained checkpoint or a run from scratch (which restarts from the seed when opened).
 */
export type TrainedGdShared = TrainingShared;

export const trainedGdCodec = trainingCodec("trained-gd");

/** The shareable part of the figure's training store. */
export const trainedGdShared = trainingShared;
