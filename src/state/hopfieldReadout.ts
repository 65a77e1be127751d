import { signPlus } from "../core/classicalHopfield";
import type { GlyphName } from "../core/glyphs";

/** A weight at or above this on one glyph counts as retrieving it; below, the state is a mixture. */
export const RETRIEVED_WEIGHT = 0.9;
/** Glyphs with less weight than this are left out of a mixture's description. */
export const MIX_LISTED_WEIGHT = 0.05;

export type Retrieval =
  /** No step taken yet: ξ is the query. */
  | { kind: "query" }
  /** One glyph holds ≥ RETRIEVED_WEIGHT of the softmax. */
  | { kind: "retrieved"; glyph: GlyphName; weight: number; matchingPixels: number; isStart: boolean }
  /** A metastable state: the weight is shared, largest first. */
  | { kind: "mixes"; parts: { glyph: GlyphName; weight: number }[] };

/**
 * What the state after a step is, read from the softmax weights that made it: one glyph
 * retrieved (and whether sign(ξ) reproduces it, and whether it is the glyph the query started
 * from), or a mixture of several. `weights` are over `stored`, in order; `pixels` is the glyph's
 * ±1 image and `state` is ξ_t.
 */
export function describeRetrieval(
  weights: readonly number[] | null,
  state: readonly number[],
  stored: readonly GlyphName[],
  pixelsOf: (glyph: GlyphName) => readonly number[],
  start: GlyphName,
): Retrieval {
  if (!weights) return { kind: "query" };
  const order = stored.map((glyph, i) => ({ glyph, weight: weights[i] })).sort((a, b) => b.weight - a.weight);
  const top = order[0];
  if (top.weight >= RETRIEVED_WEIGHT) {
    const pixels = pixelsOf(top.glyph);
    const matchingPixels = state.filter((v, j) => signPlus(v) === pixels[j]).length;
    return {
      kind: "retrieved",
      glyph: top.glyph,
      weight: top.weight,
      matchingPixels,
      isStart: top.glyph === start,
    };
  }
  return { kind: "mixes", parts: order.filter((p) => p.weight >= MIX_LISTED_WEIGHT) };
}

/** The sentence the figure prints for a retrieval (also its accessible summary). */
export function retrievalSentence(r: Retrieval, start: GlyphName, pixels: number): string {
  if (r.kind === "query") return "Step 0: ξ is the corrupted query. Press Step to apply one update.";
  if (r.kind === "retrieved") {
    const which = r.isStart ? `${r.glyph}` : `${r.glyph}, not ${start}, the glyph the query came from`;
    return `Retrieved ${which}: weight ${r.weight.toFixed(2)}, and the sign of ξ matches ${r.glyph} in ${r.matchingPixels} of ${pixels} pixels.`;
  }
  const parts = r.parts.map((p) => `${p.glyph} (${p.weight.toFixed(2)})`).join(", ");
  return `Metastable: ξ mixes patterns ${parts}. No single glyph has ${RETRIEVED_WEIGHT} of the weight.`;
}
