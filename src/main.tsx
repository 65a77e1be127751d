/*
 * The essay's entry. Only text, KaTeX and styles load up front: tfjs reaches the page through the
 * engine's dynamic import when a widget first computes, so first paint never waits for it.
 */
import "katex/dist/katex.min.css";
import "./viz/palette.css";
import "./viz/viz.css";
import "./essay/theme.css";
import "./essay/essay.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./essay/App";
import { applyTheme, readThemeChoice } from "./essay/theme";

// Before the first render, so a stored dark theme never flashes light.
applyTheme(readThemeChoice());

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error('index.html is missing <div id="root">');

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
