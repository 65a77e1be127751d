import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { essayInstances } from "../../src/essay/share/essayInstances";
import { widgetRegistry } from "../../src/widgets/registry";

const SECTIONS = "src/essay/sections";
const WIDGET_TAG = /<([A-Z][A-Za-z]+)\s+id="([a-z0-9-]+)"/g;

/** Every `<Widget id="…">` the sections render, with the section file it is in. */
function figuresInSections(): { id: string; component: string }[] {
  const found: { id: string; component: string }[] = [];
  for (const file of readdirSync(SECTIONS)) {
    if (!file.endsWith(".tsx") || file.includes(".test.")) continue;
    for (const match of readFileSync(join(SECTIONS, file), "utf8").matchAll(WIDGET_TAG)) {
      const [, component, id] = match as unknown as [string, string, string];
      // ClaimCheck is a quiz beside the two-meanings figure: its answers are the reader's own, not a figure to share.
      if (!["Cite", "EssaySection", "ClaimCheck"].includes(component)) found.push({ id, component });
    }
  }
  return found;
}

describe("the essay's table of shareable figures", () => {
  it("lists exactly the figures the sections render", () => {
    const ids = figuresInSections().map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(essayInstances).sort());
  });

  it("names a registered widget for each, and each widget's link goes to one of its figures", () => {
    const names = new Set(widgetRegistry.map((entry) => entry.name));
    for (const { widget } of Object.values(essayInstances)) expect(names).toContain(widget);
    for (const entry of widgetRegistry) {
      expect(essayInstances[entry.instanceId]).toEqual({ section: entry.section, widget: entry.name });
    }
  });
});
