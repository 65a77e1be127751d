import type { ComponentType } from "react";
import { attentionCostCodec } from "../state/share/attentionCostShare";
import { attentionCodec } from "../state/share/attentionShare";
import { bilinearCodec } from "../state/share/bilinearShare";
import type { WidgetCodec } from "../state/share/codec";
import { fastWeightsCodec } from "../state/share/fastWeightsShare";
import { hopfieldCapacityCodec } from "../state/share/hopfieldCapacityShare";
import { hopfieldMemoryCodec } from "../state/share/hopfieldMemoryShare";
import { inContextRegressionCodec } from "../state/share/inContextRegressionShare";
import { inductionHeadsCodec } from "../state/share/inductionHeadsShare";
import { largeAttentionCodec } from "../state/share/largeAttentionShare";
import { memoryCapacityCodec } from "../state/share/memoryCapacityShare";
import { memoryOverwriteCodec } from "../state/share/memoryOverwriteShare";
import { mlpCodec } from "../state/share/mlpShare";
import { mlpVsAttentionCodec } from "../state/share/mlpVsAttentionShare";
import { sideBySideCodec } from "../state/share/sideBySideShare";
import { trainedGdCodec } from "../state/share/trainedGdShare";
import { twoHeadsCodec } from "../state/share/twoHeadsShare";
import { twoMeaningsCodec } from "../state/share/twoMeaningsShare";

export type { Field } from "../state/share/fields";

/**
 * Every widget that can be shared, embedded or used as a `<dw-name>` element: its codec (small,
 * loaded up front, so links and attributes are checked before any widget code arrives) and its
 * component (loaded on demand). A widget rendered from here starts from the state its host gives
 * instance `id` (see ShareHost), or from its codec's defaults.
 */
export interface WidgetEntry {
  /** The codec's name: `embed.html?widget=<name>`, `<dw-<name>>`. */
  name: string;
  /** The figure's title on the embed page and in citations. */
  title: string;
  /** The essay section it appears in, and that instance's id: where "open in the essay" goes. */
  section: string;
  instanceId: string;
  // biome-ignore lint/suspicious/noExplicitAny: each entry has its own state type
  codec: WidgetCodec<any>;
  load(): Promise<ComponentType<{ id: string }>>;
}

export const widgetRegistry: readonly WidgetEntry[] = [
  {
    name: "attention",
    title: "Self-attention explorer",
    section: "attention",
    instanceId: "explorer",
    codec: attentionCodec,
    load: () => import("./AttentionExplorer").then((m) => m.AttentionExplorer),
  },
  {
    name: "mlp",
    title: "A fixed MLP, token by token",
    section: "fixed-mlp",
    instanceId: "fixed-mlp-explorer",
    codec: mlpCodec,
    load: () => import("./MlpExplorer").then((m) => m.MlpExplorer),
  },
  {
    name: "two-heads",
    title: "Two attention heads on one sentence",
    section: "attention-steps",
    instanceId: "two-heads",
    codec: twoHeadsCodec,
    load: () => import("./TwoHeads").then((m) => m.TwoHeads),
  },
  {
    name: "side-by-side",
    title: "Attention and a fixed MLP, side by side",
    section: "side-by-side",
    instanceId: "side-by-side-explorer",
    codec: sideBySideCodec,
    load: () => import("./SideBySide").then((m) => m.SideBySide),
  },
  {
    name: "bilinear",
    title: "One attention score, term by term",
    section: "input-times-input",
    instanceId: "bilinear-score",
    codec: bilinearCodec,
    load: () => import("./BilinearScore").then((m) => m.BilinearScore),
  },
  {
    name: "two-meanings",
    title: "The same parameters, many inputs",
    section: "two-meanings",
    instanceId: "two-meanings-figure",
    codec: twoMeaningsCodec,
    load: () => import("./TwoMeanings").then((m) => m.TwoMeanings),
  },
  {
    name: "fast-weights",
    title: "Fast weight player",
    section: "fast-weights",
    instanceId: "fast-weights-player",
    codec: fastWeightsCodec,
    load: () => import("./FastWeights").then((m) => m.FastWeights),
  },
  {
    name: "memory-overwrite",
    title: "Overwriting a fast weight memory",
    section: "fast-weights",
    instanceId: "fast-weights-overwrite",
    codec: memoryOverwriteCodec,
    load: () => import("./MemoryOverwrite").then((m) => m.MemoryOverwrite),
  },
  {
    name: "memory-capacity",
    title: "Capacity of a fast weight memory",
    section: "fast-weights",
    instanceId: "fast-weights-capacity",
    codec: memoryCapacityCodec,
    load: () => import("./MemoryCapacity").then((m) => m.MemoryCapacity),
  },
  {
    name: "regression",
    title: "One gradient step, one attention layer",
    section: "gradient-descent",
    instanceId: "gradient-descent-figure",
    codec: inContextRegressionCodec,
    load: () => import("./InContextRegression").then((m) => m.InContextRegression),
  },
  {
    name: "hopfield-memory",
    title: "A modern Hopfield memory of glyphs",
    section: "hopfield",
    instanceId: "hopfield-memory",
    codec: hopfieldMemoryCodec,
    load: () => import("./HopfieldMemory").then((m) => m.HopfieldMemory),
  },
  {
    name: "hopfield-capacity",
    title: "How many patterns a Hopfield memory recalls",
    section: "hopfield",
    instanceId: "hopfield-capacity",
    codec: hopfieldCapacityCodec,
    load: () => import("./HopfieldCapacity").then((m) => m.HopfieldCapacity),
  },
  {
    name: "trained-gd",
    title: "A trained attention layer learns gradient descent",
    section: "learned-gradient-descent",
    instanceId: "learned-gd-figure",
    codec: trainedGdCodec,
    load: () => import("./TrainedGradientDescent").then((m) => m.TrainedGradientDescent),
  },
  {
    name: "mlp-vs-attention",
    title: "An MLP against attention on the same tasks",
    section: "mlp-baseline",
    instanceId: "mlp-versus-attention-figure",
    codec: mlpVsAttentionCodec,
    load: () => import("./MlpVersusAttention").then((m) => m.MlpVersusAttention),
  },
  {
    name: "induction-heads",
    title: "Induction heads trained live",
    section: "induction-heads",
    instanceId: "induction-heads-figure",
    codec: inductionHeadsCodec,
    load: () => import("./InductionHeads").then((m) => m.InductionHeads),
  },
  {
    name: "large-attention",
    title: "Attention at scale",
    section: "cost",
    instanceId: "cost-large-attention",
    codec: largeAttentionCodec,
    load: () => import("./LargeAttention").then((m) => m.LargeAttention),
  },
  {
    name: "attention-cost",
    title: "The cost of attention, measured on this device",
    section: "cost",
    instanceId: "cost-benchmark",
    codec: attentionCostCodec,
    load: () => import("./AttentionCost").then((m) => m.AttentionCost),
  },
];

/** The entry for `name`, or undefined (unknown names get a message from the caller). */
export function findWidget(name: string): WidgetEntry | undefined {
  return widgetRegistry.find((entry) => entry.name === name);
}
