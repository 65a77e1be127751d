import { type Matrix, matrix } from "./matrix";

/**
 * Small ±1 images for the Hopfield figures: 7 × 7 letters, drawn as strings so a reader of the
 * code sees the glyph. "#" is an ink pixel (+1), "." background (−1); pixels are numbered row by
 * row, so pixel r·7 + c is row r, column c.
 */
export const GLYPH_SIZE = 7;
export const GLYPH_PIXELS = GLYPH_SIZE * GLYPH_SIZE;

const DRAWINGS = {
  A: ["..###..", ".#...#.", "#.....#", "#######", "#.....#", "#.....#", "#.....#"],
  C: [".#####.", "#......", "#......", "#......", "#......", "#......", ".#####."],
  H: ["#.....#", "#.....#", "#.....#", "#######", "#.....#", "#.....#", "#.....#"],
  L: ["#......", "#......", "#......", "#......", "#......", "#......", "#######"],
  O: [".#####.", "#.....#", "#.....#", "#.....#", "#.....#", "#.....#", ".#####."],
  T: ["#######", "...#...", "...#...", "...#...", "...#...", "...#...", "...#..."],
  X: ["#.....#", ".#...#.", "..#.#..", "...#...", "..#.#..", ".#...#.", "#.....#"],
  Z: ["#######", ".....#.", "....#..", "...#...", "..#....", ".#.....", "#######"],
} as const satisfies Record<string, readonly string[]>;

export type GlyphName = keyof typeof DRAWINGS;

/** Every glyph, in alphabetical order. */
export const glyphNames = Object.keys(DRAWINGS) as GlyphName[];

export const isGlyphName = (name: unknown): name is GlyphName =>
  typeof name === "string" && Object.hasOwn(DRAWINGS, name);

/** The glyph as d = 49 numbers, +1 for ink and −1 for background, row by row. */
export function glyphPixels(name: GlyphName): number[] {
  return DRAWINGS[name].flatMap((line) => Array.from(line, (ch) => (ch === "#" ? 1 : -1)));
}

/** The named glyphs as stored patterns, one per row: [N, 49]. */
export function glyphPatterns(names: readonly GlyphName[]): Matrix {
  return matrix(names.length, GLYPH_PIXELS, names.flatMap(glyphPixels));
}
