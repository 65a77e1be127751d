/**
 * Every shareable figure in the essay: its instance id, the section it sits in, and its widget.
 * Links name a figure by instance id; this table says where to scroll and which ids exist.
 * App.test checks it against the sections' source.
 */
export const essayInstances: Readonly<Record<string, { section: string; widget: string }>> = {
  explorer: { section: "attention", widget: "attention" },
  "fixed-mlp-explorer": { section: "fixed-mlp", widget: "mlp" },
  "attention-steps-explorer": { section: "attention-steps", widget: "attention" },
  "two-heads": { section: "attention-steps", widget: "two-heads" },
  "side-by-side-explorer": { section: "side-by-side", widget: "side-by-side" },
  "bilinear-score": { section: "input-times-input", widget: "bilinear" },
  "two-meanings-figure": { section: "two-meanings", widget: "two-meanings" },
  "fast-weights-player": { section: "fast-weights", widget: "fast-weights" },
  "fast-weights-overwrite": { section: "fast-weights", widget: "memory-overwrite" },
  "fast-weights-capacity": { section: "fast-weights", widget: "memory-capacity" },
  "gradient-descent-figure": { section: "gradient-descent", widget: "regression" },
  "hopfield-memory": { section: "hopfield", widget: "hopfield-memory" },
  "hopfield-capacity": { section: "hopfield", widget: "hopfield-capacity" },
  "learned-gd-figure": { section: "learned-gradient-descent", widget: "trained-gd" },
  "mlp-versus-attention-figure": { section: "mlp-baseline", widget: "mlp-vs-attention" },
  "induction-heads-figure": { section: "induction-heads", widget: "induction-heads" },
  "cost-large-attention": { section: "cost", widget: "large-attention" },
  "cost-benchmark": { section: "cost", widget: "attention-cost" },
};

export function sectionOf(id: string): string | undefined {
  return Object.hasOwn(essayInstances, id) ? essayInstances[id]?.section : undefined;
}
