import { describe, expect, it } from "vitest";
import { citationLabel, findReference, type Reference, references } from "./references";

function withAuthors(count: number): Reference {
  const authors = ["von Oswald, J.", "Irie, K.", "Schmidhuber, J.", "Other, A."].slice(0, count);
  return { id: "x", authors, year: 2000, title: "T", venue: "V", url: "https://example.org" };
}

describe("citationLabel", () => {
  it("names one, two or three authors and shortens four or more to et al.", () => {
    expect(citationLabel(withAuthors(1))).toBe("von Oswald, 2000");
    expect(citationLabel(withAuthors(2))).toBe("von Oswald & Irie, 2000");
    expect(citationLabel(withAuthors(3))).toBe("von Oswald, Irie & Schmidhuber, 2000");
    expect(citationLabel(withAuthors(4))).toBe("von Oswald et al., 2000");
  });

  it("labels the essay's sources as the prose cites them", () => {
    expect(citationLabel(findReference("vaswani2017"))).toBe("Vaswani et al., 2017");
    expect(citationLabel(findReference("schlag2021"))).toBe("Schlag, Irie & Schmidhuber, 2021");
    expect(citationLabel(findReference("vonoswald2023"))).toBe("von Oswald et al., 2023");
    expect(citationLabel(findReference("ramsauer2020"))).toBe("Ramsauer et al., 2020");
  });
});

describe("references", () => {
  it("have unique ids and https links", () => {
    const ids = references.map((reference) => reference.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const reference of references) expect(reference.url).toMatch(/^https:\/\//);
  });
});
