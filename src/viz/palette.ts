import { interpolateBrBG, interpolateCividis } from "d3-scale-chromatic";

/**
 * One palette for the whole essay, so "query" is the same blue in prose, heatmaps and the plane.
 *
 * Role colours come from Okabe & Ito (2008), "Color Universal Design": eight hues chosen to stay
 * distinguishable under protanopia, deuteranopia and tritanopia. Tokens (the inputs) are neutral
 * ink so the computed roles stand out against them. In the dark theme the query blue is swapped
 * for Okabe–Ito sky blue, because #0072B2 falls below 3:1 contrast on a near-black background.
 */
export type Role = "token" | "query" | "key" | "value" | "output" | "fixed";

export const roles: readonly Role[] = ["token", "query", "key", "value", "output", "fixed"];

/** CSS custom property for each role; palette.css defines them for light and dark themes. */
export const roleVar: Readonly<Record<Role, string>> = {
  token: "--dw-token",
  query: "--dw-q",
  key: "--dw-k",
  value: "--dw-v",
  output: "--dw-out",
  fixed: "--dw-fixed",
};

/** Light-theme role colours (the fallback when palette.css is not loaded). */
export const roleColors: Readonly<Record<Role, string>> = {
  token: "#333333",
  query: "#0072B2", // Okabe–Ito blue
  key: "#E69F00", // orange
  value: "#009E73", // bluish green
  output: "#CC79A7", // reddish purple
  fixed: "#D55E00", // vermillion: the MLP's fixed weights
};

/** Dark-theme role colours. */
export const roleColorsDark: Readonly<Record<Role, string>> = {
  token: "#E6E6E6",
  query: "#56B4E9", // Okabe–Ito sky blue, same hue family as the light-theme query
  key: "#E69F00",
  value: "#009E73",
  output: "#CC79A7",
  fixed: "#D55E00",
};

/** Human names for legends and aria-labels. */
export const roleNames: Readonly<Record<Role, string>> = {
  token: "token",
  query: "query",
  key: "key",
  value: "value",
  output: "attention output",
  fixed: "fixed weights",
};

/** Non-role custom properties palette.css also defines. */
export const uiVar = {
  ink: "--dw-ink",
  muted: "--dw-muted",
  grid: "--dw-grid",
  background: "--dw-bg",
  focus: "--dw-focus",
  masked: "--dw-masked",
} as const;

export const uiColors: Readonly<Record<keyof typeof uiVar, string>> = {
  ink: "#1A1A1A",
  muted: "#6B6B6B",
  grid: "#D9D9D9",
  background: "#FFFFFF",
  focus: "#0072B2",
  masked: "#BDBDBD",
};

/** `var(--dw-q, #0072B2)`: for inline SVG styles, so a theme switch recolours without a redraw. */
export function roleColor(role: Role): string {
  return `var(${roleVar[role]}, ${roleColors[role]})`;
}

export function uiColor(name: keyof typeof uiVar): string {
  return `var(${uiVar[name]}, ${uiColors[name]})`;
}

/**
 * Attention weights lie in [0, 1]. Cividis (Nuñez, Anderton & Renslow 2018) is perceptually
 * uniform and was optimised to look the same to readers with and without red–green colour
 * blindness; lightness rises monotonically, so "more weight = brighter" survives greyscale print.
 */
export function weightColor(weight: number): string {
  // A function rather than an exported d3 scale: a shared scale object could be re-domained by
  // one widget and silently change every other.
  return interpolateCividis(quantize(Math.min(1, Math.max(0, weight))));
}

/**
 * Colours come in COLOUR_LEVELS steps. The eye cannot tell neighbouring steps apart, and during a
 * drag most entries move by less than a step, so their cells keep their fill and are not repainted.
 */
export const COLOUR_LEVELS = 128;
const quantize = (t: number) => Math.round(t * COLOUR_LEVELS) / COLOUR_LEVELS;

/**
 * Scores QKᵀ/√d are signed and unbounded, so they get a diverging scale centred on 0 with a
 * symmetric extent [-extent, extent]. ColorBrewer BrBG (Harrower & Brewer 2003) is rated safe for
 * colour-blind readers: its arms differ in lightness and along the blue–yellow axis that
 * protanopes and deuteranopes keep. PuOr and RdBu are just as safe but their arms (purple/orange,
 * blue) are the output, key and query role colours; brown/teal collides least with the roles.
 */
export function scoreColorScale(extent: number): (score: number) => string {
  const e = Number.isFinite(extent) && extent > 0 ? extent : 1;
  // Quantised on the scale's own [0, 1] parameter, like weightColor.
  return (score: number) => interpolateBrBG(quantize(Math.min(1, Math.max(0, (score / e + 1) / 2))));
}

/**
 * Black or white, whichever reads better on `fill` (`#rrggbb` or `rgb(r, g, b)`, as d3's
 * interpolators return). Uses relative luminance so in-cell numbers stay legible on any colour.
 */
export function readableTextOn(fill: string): "#000000" | "#FFFFFF" {
  const rgb = parseColor(fill);
  if (!rgb) return "#000000";
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // 0.179 is where contrast against black equals contrast against white.
  return luminance > 0.179 ? "#000000" : "#FFFFFF";
}

function parseColor(fill: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const rgb = /^rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\s*\)$/.exec(fill);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}
