/**
 * A figure's numbers as files: its inputs and computed matrices as JSON, and each matrix as CSV.
 * Both are read from the figure's published `value` (see each widget's figureValue.ts), the same
 * object a host page or a test reads.
 */

export interface FigureJsonInput {
  /** The figure's title ("Self-attention explorer"). */
  title: string;
  /** The widget's name (its codec's). */
  name: string;
  /** The codec's version, so a reader knows which URL form `state` is in. */
  version: number;
  /** The encoded state (what a link carries). */
  encoded: string;
  /** The same state, decoded: the settings a link restores. */
  settings: unknown;
  /** The essay at this state. */
  link: string;
  /** The figure's published value: inputs and computed matrices. */
  value: unknown;
}

/**
 * JSON has no Infinity or NaN (JSON.stringify writes null, losing a masked score's −∞): they are
 * written as the strings "Infinity", "-Infinity", "NaN". Typed arrays are written as arrays.
 */
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>);
  }
  return value;
}

/** The downloadable JSON, pretty-printed: `{ figure, widget, version, state, settings, link, value }`. */
export function figureJson(input: FigureJsonInput): string {
  const document = {
    figure: input.title,
    widget: input.name,
    version: input.version,
    state: input.encoded,
    settings: input.settings,
    link: input.link,
    value: input.value,
  };
  return `${JSON.stringify(document, jsonSafe, 2)}\n`;
}

/** One matrix of a figure's value: the property's name and its rows. */
export interface NamedMatrix {
  key: string;
  rows: number;
  cols: number;
  values: readonly (readonly number[])[];
}

const isMatrix = (value: unknown): value is number[][] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every(
    (row) =>
      Array.isArray(row) &&
      row.length > 0 &&
      row.length === (value[0] as unknown[]).length &&
      row.every((x) => typeof x === "number"),
  );

/** Every `number[][]` property of `value` (rectangular, not empty), in the value's key order. */
export function matricesOf(value: unknown): NamedMatrix[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, entry]) =>
    isMatrix(entry) ? [{ key, rows: entry.length, cols: entry[0].length, values: entry }] : [],
  );
}

/** "weights (8 × 8) as CSV": the menu item's name. */
export function matrixLabel(matrix: NamedMatrix): string {
  return `${matrix.key} (${matrix.rows} × ${matrix.cols}) as CSV`;
}

/** Starts that a spreadsheet reads as a formula (or that hide one after a tab or return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell: a leading `'` on anything a spreadsheet would run as a formula, then quoted
 * (RFC 4180) when it holds a comma, quote or line break.
 */
export function csvText(text: string): string {
  const guarded = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * A number cell, exactly as JavaScript prints it (`String(x)` reads back to the same double).
 * Infinity and NaN are not numbers to a spreadsheet, so they are written as guarded text.
 */
export function csvNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : csvText(String(x));
}

/**
 * A matrix as CSV. Where `tokens` match its rows, each row starts with its token; where they match
 * its columns, a header row names them (1, 2, … otherwise). Rows end with CRLF.
 */
export function matrixCsv(matrix: NamedMatrix, tokens?: readonly string[]): string {
  const rowLabels = tokens && tokens.length === matrix.rows ? tokens : null;
  const colLabels = tokens && tokens.length === matrix.cols ? tokens : null;
  const lines: string[] = [];
  if (rowLabels || colLabels) {
    const header = colLabels ?? Array.from({ length: matrix.cols }, (_, j) => String(j + 1));
    lines.push([...(rowLabels ? [""] : []), ...header.map(csvText)].join(","));
  }
  matrix.values.forEach((row, i) => {
    const cells = row.map(csvNumber);
    lines.push((rowLabels ? [csvText(rowLabels[i]), ...cells] : cells).join(","));
  });
  return `${lines.join("\r\n")}\r\n`;
}

/** The `tokens` of a figure's value, when it has them as a list of text. */
export function tokensOf(value: unknown): readonly string[] | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const tokens = (value as { tokens?: unknown }).tokens;
  return Array.isArray(tokens) && tokens.every((t) => typeof t === "string") ? tokens : undefined;
}
