import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  readableTextOn,
  roleColors,
  roleColorsDark,
  roles,
  roleVar,
  scoreColorScale,
  uiColors,
  uiVar,
  weightColor,
} from "./palette";

// jsdom replaces the URL global, so build the path with node's helpers rather than new URL().
const css = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "palette.css"), "utf8");

/** The custom properties declared in the first block whose selector matches `selector`. */
function block(selector: RegExp): Map<string, string> {
  const match = selector.exec(css);
  if (!match) throw new Error(`no block ${selector}`);
  const body = css.slice(match.index + match[0].length, css.indexOf("}", match.index));
  const vars = new Map<string, string>();
  for (const m of body.matchAll(/(--dw-[\w-]+):\s*([^;]+);/g)) vars.set(m[1], m[2].trim().toLowerCase());
  return vars;
}

describe("palette", () => {
  it("palette.css defines the same role colours as palette.ts, in both themes", () => {
    const light = block(/:root\s*\{/);
    const dark = block(/\[data-theme="dark"\]\s*\{/);
    const systemDark = block(/:root:not\(\[data-theme="light"\]\)\s*\{/);
    for (const role of roles) {
      expect(light.get(roleVar[role])).toBe(roleColors[role].toLowerCase());
      expect(dark.get(roleVar[role])).toBe(roleColorsDark[role].toLowerCase());
      expect(systemDark.get(roleVar[role])).toBe(roleColorsDark[role].toLowerCase());
    }
    for (const name of Object.keys(uiVar) as (keyof typeof uiVar)[]) {
      expect(light.get(uiVar[name])).toBe(uiColors[name].toLowerCase());
      expect(dark.has(uiVar[name])).toBe(true);
    }
    expect(dark).toEqual(systemDark);
  });

  it("weights get brighter as they grow and are clamped to [0, 1]", () => {
    expect(weightColor(-1)).toBe(weightColor(0));
    expect(weightColor(2)).toBe(weightColor(1));
    expect(readableTextOn(weightColor(0))).toBe("#FFFFFF");
    expect(readableTextOn(weightColor(1))).toBe("#000000");
  });

  it("scores diverge from a light neutral at 0 to distinct dark arms", () => {
    const colour = scoreColorScale(2);
    expect(readableTextOn(colour(0))).toBe("#000000");
    expect(colour(-2)).not.toBe(colour(2));
    expect(colour(-5)).toBe(colour(-2));
    expect(readableTextOn(colour(2))).toBe("#FFFFFF");
    // A degenerate extent (all scores 0 or masked) must not produce NaN colours.
    expect(scoreColorScale(0)(0)).toBe(colour(0));
  });
});
