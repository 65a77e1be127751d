import { glyphPatterns, glyphPixels } from "../core/glyphs";
import type { HopfieldParams } from "../core/hopfield";
import { matrix } from "../core/matrix";
import { createRng } from "../core/rng";
import { randomMatrix } from "./fixtures";

/** Seeded Hopfield inputs shared by the node and browser engine tests. */
function randomCase(
  seed: number,
  n: number,
  d: number,
  m: number,
  beta: number,
  steps: number,
): HopfieldParams {
  const rng = createRng(seed);
  return { patterns: randomMatrix(rng, n, d), states: randomMatrix(rng, m, d), beta, steps };
}

/** The essay's glyph memory: "H" with eight pixels flipped, as the figure starts. */
function glyphCase(beta: number, steps: number): HopfieldParams {
  const query = glyphPixels("H");
  for (const j of [0, 9, 17, 24, 30, 38, 44, 46]) query[j] *= -1;
  return {
    patterns: glyphPatterns(["A", "C", "H", "L", "T", "X"]),
    states: matrix(1, 49, query),
    beta,
    steps,
  };
}

export const hopfieldCases: readonly { label: string; p: HopfieldParams }[] = [
  { label: "β 0.01, 1 step", p: randomCase(1, 5, 8, 3, 0.01, 1) },
  { label: "β 0.3, 4 steps", p: randomCase(2, 6, 8, 2, 0.3, 4) },
  { label: "β 2, 3 steps", p: randomCase(3, 4, 6, 3, 2, 3) },
  { label: "β 8, 2 steps, N = 1", p: randomCase(4, 1, 5, 2, 8, 2) },
  { label: "0 steps", p: randomCase(5, 3, 4, 2, 1, 0) },
  { label: "glyphs, β = 1/√49", p: glyphCase(1 / 7, 8) },
  { label: "glyphs, β 20", p: glyphCase(20, 4) },
  { label: "glyphs, β 0.01", p: glyphCase(0.01, 4) },
];
