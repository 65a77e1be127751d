import { describe, expect, it } from "vitest";
import { csvNumber, csvText, figureJson, matricesOf, matrixCsv, matrixLabel, tokensOf } from "./exportData";

/** Splits CSV text into rows of cells (RFC 4180, enough for these tests). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

const value = {
  tokens: ["the", "=SUM(A1:A9)", 'say "hi", bye'],
  points: [
    [0.1, 0.2],
    [-0.30000000000000004, 1e-7],
    [3, 4],
  ],
  wq: [
    [1, 0],
    [0, 1],
  ],
  weights: [
    [0.5, 0.25, 0.25],
    [1 / 3, 1 / 3, 1 / 3],
    [0, 0, 1],
  ],
  scores: [
    [1, Number.NEGATIVE_INFINITY, 2],
    [0, 0, 0],
    [-1, -2, -3],
  ],
  out: null,
  causal: true,
};

describe("the figure's matrices", () => {
  it("finds every rectangular number[][] property, in order, and names it with its shape", () => {
    const matrices = matricesOf({ ...value, ragged: [[1], [1, 2]], empty: [], text: [["a"]] });
    expect(matrices.map((m) => m.key)).toEqual(["points", "wq", "weights", "scores"]);
    expect(matrices.map(matrixLabel)).toEqual([
      "points (3 × 2) as CSV",
      "wq (2 × 2) as CSV",
      "weights (3 × 3) as CSV",
      "scores (3 × 3) as CSV",
    ]);
    expect(matricesOf(null)).toEqual([]);
    expect(tokensOf(value)).toEqual(value.tokens);
    expect(tokensOf({ tokens: [1, 2] })).toBeUndefined();
  });
});

describe("CSV", () => {
  const [points, wq, weights, scores] = matricesOf(value);

  it("labels a token × token matrix's rows and columns, numbers written exactly", () => {
    const text = matrixCsv(weights, value.tokens);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(["", "the", "'=SUM(A1:A9)", 'say "hi", bye']);
    expect(rows.map((row) => row[0])).toEqual(["", "the", "'=SUM(A1:A9)", 'say "hi", bye']);
    expect(rows[2].slice(1).map(Number)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(rows[2][1]).toBe(String(1 / 3));
  });

  it("labels only the rows of a token × 2 matrix, its header numbering the columns", () => {
    const rows = parseCsv(matrixCsv(points, value.tokens));
    expect(rows[0]).toEqual(["", "1", "2"]);
    expect(rows[2]).toEqual(["'=SUM(A1:A9)", "-0.30000000000000004", "1e-7"]);
  });

  it("writes a matrix unrelated to the tokens as bare numbers", () => {
    expect(matrixCsv(wq, value.tokens)).toBe("1,0\r\n0,1\r\n");
  });

  it("writes −∞ (a hidden score) as guarded text, not a formula", () => {
    expect(parseCsv(matrixCsv(scores))[0]).toEqual(["1", "'-Infinity", "2"]);
    expect(csvNumber(-2)).toBe("-2");
    expect(csvNumber(Number.NaN)).toBe("NaN");
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ["<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"],
    ["plain", "plain"],
  ])("writes the text cell %j as %j", (text, cell) => {
    expect(csvText(text)).toBe(cell);
  });
});

describe("JSON", () => {
  it("holds the title, name, version, state, settings, link and value, pretty-printed", () => {
    const text = figureJson({
      title: "Self-attention explorer",
      name: "attention",
      version: 1,
      encoded: "v1;causal=1",
      settings: { causal: true },
      link: "https://essay.example/#s/explorer/v1;causal=1",
      value: { ...value, typed: new Float64Array([0.1, 2]) },
    });
    expect(text).toContain('\n  "figure": "Self-attention explorer",\n');
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual([
      "figure",
      "widget",
      "version",
      "state",
      "settings",
      "link",
      "value",
    ]);
    expect(parsed.widget).toBe("attention");
    expect(parsed.version).toBe(1);
    expect(parsed.state).toBe("v1;causal=1");
    expect(parsed.settings).toEqual({ causal: true });
    expect(parsed.value.weights).toEqual(value.weights);
    expect(parsed.value.points[1]).toEqual([-0.30000000000000004, 1e-7]);
    expect(parsed.value.scores[0]).toEqual([1, "-Infinity", 2]);
    expect(parsed.value.typed).toEqual([0.1, 2]);
  });
});
