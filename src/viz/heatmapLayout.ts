/**
 * Sizes for a heatmap of `rows × cols` cells: cell size, label margins, which labels to thin out
 * and whether column labels turn vertical. Pure arithmetic on counts and string lengths (no DOM
 * measuring, which jsdom cannot do), so the same layout comes out in tests and in the page.
 *
 *   ┌ corner ┬ column labels (rotated when crowded) ┐
 *   │ row    │ cells: cell × cell px each           │
 *   │ labels │ 64 × 64 → 7 px cells, 448 px grid     │
 *   └────────┴──────────────────────────────────────┘
 */
export interface HeatmapLayout {
  /** Side of one cell in px. */
  cell: number;
  /** Gap between cells in px (0 when cells are tiny, so the colours stay readable). */
  gap: number;
  fontSize: number;
  /** Top-left corner of the cell grid inside the SVG. */
  gridX: number;
  gridY: number;
  width: number;
  height: number;
  /** Column labels drawn vertically because they do not fit in one cell width. */
  rotateColumnLabels: boolean;
  /** Draw every k-th label only; the others stay in the DOM for assistive technology. */
  rowLabelStride: number;
  colLabelStride: number;
  /** Labels longer than this are shortened with "…" on screen. */
  maxLabelChars: number;
  /** Cells are wide enough to print a highlighted row's numbers inside them. */
  valuesInCells: boolean;
}

/** The grid side targeted when the caller gives no cell size: 64 cells of 7 px = 448 px. */
const TARGET_GRID_PX = 448;
const MIN_CELL = 4;
const MAX_CELL = 48;
const MAX_LABEL_CHARS = 10;
/** Average glyph width as a fraction of font size, for estimating text width without layout. */
const GLYPH = 0.6;

export function heatmapLayout(
  rows: number,
  cols: number,
  rowLabels: readonly string[],
  colLabels: readonly string[],
  digits: number,
  cellSize?: number,
): HeatmapLayout {
  const longest = Math.max(rows, cols, 1);
  const cell =
    cellSize !== undefined && Number.isFinite(cellSize) && cellSize > 0
      ? cellSize
      : Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor(TARGET_GRID_PX / longest)));
  const gap = cell >= 12 ? 1 : 0;
  const fontSize = Math.max(9, Math.min(13, Math.round(cell * 0.7)));
  const lineHeight = fontSize + 2;

  const labelChars = (labels: readonly string[]) =>
    Math.min(MAX_LABEL_CHARS, Math.max(1, ...labels.map((l) => Array.from(l).length)));
  const rowLabelPx = labelChars(rowLabels) * GLYPH * fontSize;
  const colLabelPx = labelChars(colLabels) * GLYPH * fontSize;

  const rotateColumnLabels = colLabelPx > cell - 2;
  const rowLabelStride = Math.max(1, Math.ceil(lineHeight / cell));
  const colLabelStride = rotateColumnLabels ? Math.max(1, Math.ceil(lineHeight / cell)) : 1;

  const gridX = Math.ceil(rowLabelPx) + 8;
  const gridY = Math.ceil(rotateColumnLabels ? colLabelPx : fontSize) + 8;
  // "-1.23" at the in-cell font size must fit with a little padding.
  const valueChars = digits + 3;
  const valuesInCells = cell >= 18 && cell >= valueChars * GLYPH * valueFontSize(cell) + 2;

  return {
    cell,
    gap,
    fontSize,
    gridX,
    gridY,
    width: gridX + cols * cell + 2,
    height: gridY + rows * cell + 2,
    rotateColumnLabels,
    rowLabelStride,
    colLabelStride,
    maxLabelChars: MAX_LABEL_CHARS,
    valuesInCells,
  };
}

/** Font size for numbers printed inside cells. */
export function valueFontSize(cell: number): number {
  return Math.min(11, cell * 0.38);
}
