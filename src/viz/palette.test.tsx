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
    // Each property is light-dark(light, dark); color-scheme (system, or data-theme) picks one.
    const pairs = new Map(
      [...block(/:root\s*\{/)].map(([name, value]) => {
        const m = /^light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)$/.exec(value);
        if (!m) throw new Error(`${name} is not light-dark(#light, #dark): ${value}`);
        return [name, { light: m[1], dark: m[2] }];
      }),
    );
    for (const role of roles) {
      expect(pairs.get(roleVar[role])).toEqual({
        light: roleColors[role].toLowerCase(),
        dark: roleColorsDark[role].toLowerCase(),
      });
    }
    for (const name of Object.keys(uiVar) as (keyof typeof uiVar)[]) {
      expect(pairs.get(uiVar[name])?.light).toBe(uiColors[name].toLowerCase());
    }
    expect(css).toMatch(/\[data-theme="dark"\]\s*\{\s*color-scheme:\s*dark;/);
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
