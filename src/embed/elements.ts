/*
 * The script-tag embed: `<script type="module" src="<essay>/elements/dw-elements.js">` defines
 * `<dw-<name>>` for every registry widget. The build (vite.elements.config.ts) emits this file, its
 * chunks and ONE stylesheet, dw-elements.css, beside it; every shadow root links that stylesheet.
 * tfjs is not in this bundle: the engine imports it (and one backend) when a figure first computes.
 */
import "../viz/palette.css";
import "../viz/viz.css";
import "../essay/theme.css";
import "./elementHost.css";
import { widgetRegistry } from "../widgets/registry";
import { mirrorDevStyles } from "./devStyles";
import { widgetElementClass } from "./widgetElement";

// A variable, not a literal: Vite would otherwise try to resolve the file at build time.
const STYLESHEET = "./dw-elements.css";

// The bundle lives in <essay>/elements/; in dev the essay is the dev server's root.
const essayUrl = new URL(import.meta.env.DEV ? "/" : "../", import.meta.url);
const stylesheet = import.meta.env.DEV ? null : new URL(STYLESHEET, import.meta.url);
const adoptStyles = import.meta.env.DEV ? mirrorDevStyles : undefined;

for (const entry of widgetRegistry) {
  const tag = `dw-${entry.name}`;
  // A page that loads the bundle twice (two snippets) keeps the first definition.
  if (!customElements.get(tag))
    customElements.define(tag, widgetElementClass(entry, { essayUrl, stylesheet, adoptStyles }));
}
