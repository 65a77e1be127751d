import { type TrainingShared, trainingCodec, trainingShared } from "./trainingShare";

/**
 * A link to the MLP-against-attention figure: the seed, run length, speed and whether it shows
 * the pretrained checkpoint or a run from scratch (which restarts from the seed when opened).
 */
export type MlpVsAttentionShared = TrainingShared;

export const mlpVsAttentionCodec = trainingCodec("mlp-vs-attention");

/** The shareable part of the figure's training store. */
export const mlpVsAttentionShared = trainingShared;
