import { describe, expect, it } from "vitest";
import { bibtexCitation, escapeBibtex, escapeBibtexUrl, plainCitation } from "./citation";

const link = "https://example.org/essay/#attention/explorer/v1;text=the%20cat";

/** Braces that BibTeX would count: those not escaped with a backslash. */
function braceDepths(entry: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (let i = 0; i < entry.length; i++) {
    if (entry[i] === "\\") {
      i++;
      continue;
    }
    if (entry[i] === "{") depth++;
    if (entry[i] === "}") depth--;
    depths.push(depth);
  }
  return depths;
}

describe("citations", () => {
  it("names the essay, the year, the figure and the link in plain text", () => {
    expect(plainCitation("Self-attention explorer", link)).toBe(
      `Dynamic Weights: attention computes its own weights (2026). Figure: Self-attention explorer. ${link}`,
    );
  });

  it("escapes every BibTeX special in a title", () => {
    expect(escapeBibtex("50% of {A & B}_1 #2 $x^2~\\")).toBe(
      "50\\% of \\{A \\& B\\}\\_1 \\#2 \\$x\\^{}2\\~{}\\textbackslash{}",
    );
  });

  it("writes a @misc entry whose braces balance even for a hostile title", () => {
    const entry = bibtexCitation("attention", "Weights } @misc{evil, {", link);
    expect(entry).toMatch(/^@misc\{dynamicweights2026-attention,\n/);
    expect(entry).toContain("title = {Dynamic Weights: attention computes its own weights},");
    expect(entry).toContain("year = {2026},");
    expect(entry).toContain("note = {Figure: Weights \\} @misc\\{evil, \\{},");
    const depths = braceDepths(entry);
    expect(Math.min(...depths)).toBeGreaterThanOrEqual(0);
    expect(depths.at(-1)).toBe(0);
    // The entry closes only at its very end.
    expect(depths.slice(entry.indexOf("{"), -1).every((d) => d > 0)).toBe(true);
  });

  it("escapes % and # in the URL and percent-encodes braces and backslashes", () => {
    expect(escapeBibtexUrl("https://x.org/a{b}\\c#s/v1;t=a%20b")).toBe(
      "https://x.org/a\\%7Bb\\%7D\\%5Cc\\#s/v1;t=a\\%20b",
    );
    expect(bibtexCitation("attention", "T", link)).toContain(
      "howpublished = {\\url{https://example.org/essay/\\#attention/explorer/v1;text=the\\%20cat}}",
    );
  });
});
