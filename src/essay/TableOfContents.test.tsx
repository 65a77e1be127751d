import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TableOfContents } from "./TableOfContents";

const entries = [
  { id: "one", title: "First" },
  { id: "two", title: "Second" },
];

/** Sections whose tops sit at the given viewport offsets, and an IntersectionObserver we can fire. */
function layout(tops: Record<string, number>) {
  for (const [id, top] of Object.entries(tops)) {
    const section = document.createElement("section");
    section.id = id;
    section.getBoundingClientRect = () => ({ top }) as DOMRect;
    document.body.appendChild(section);
  }
  let fire = () => {};
  vi.stubGlobal(
    "IntersectionObserver",
    class {
      constructor(callback: () => void) {
        fire = callback;
      }
      observe() {}
      disconnect() {}
    },
  );
  return {
    scrollTo(next: Record<string, number>) {
      for (const [id, top] of Object.entries(next)) {
        (document.getElementById(id) as HTMLElement).getBoundingClientRect = () => ({ top }) as DOMRect;
      }
      act(() => fire());
    },
  };
}

describe("TableOfContents", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    for (const id of ["one", "two"]) document.getElementById(id)?.remove();
  });

  it("marks the section being read and names it in the pinned bar as the reader scrolls", () => {
    const page = layout({ one: 900, two: 2000 });
    render(<TableOfContents entries={entries} />);
    const link = (name: string) => screen.getAllByRole("link", { name })[0];
    expect(link("First").getAttribute("aria-current")).toBeNull();
    expect(document.querySelector(".reading-now")).toBeNull();

    page.scrollTo({ one: 10, two: 1100 });
    expect(link("First").getAttribute("aria-current")).toBe("location");
    expect(document.querySelector(".reading-now")?.textContent).toMatch(/Reading:\s*First/);

    page.scrollTo({ one: -1200, two: 50 });
    expect(link("Second").getAttribute("aria-current")).toBe("location");
    expect(link("First").getAttribute("aria-current")).toBeNull();
    expect(document.querySelector(".reading-now")?.textContent).toMatch(/Second/);
  });
});
