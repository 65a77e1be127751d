/*
 * The embed page's entry (embed.html): one widget with minimal chrome, for an <iframe> in someone
 * else's page. It posts its height to the parent and listens to nothing from it.
 */
import "katex/dist/katex.min.css";
import "../viz/palette.css";
import "../viz/viz.css";
import "../essay/theme.css";
import "./embedPage.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { findWidget } from "../widgets/registry";
import { EmbedPageView } from "./EmbedPageView";
import { readEmbedParams } from "./embedParams";
import { reportHeight } from "./heightReport";

const params = readEmbedParams(location.search);
// Before the first render, so a pinned theme never flashes the other one.
if (params.theme !== "system") document.documentElement.dataset.theme = params.theme;
const entry = params.widget === null ? undefined : findWidget(params.widget);
if (entry) document.title = `${entry.title} — Dynamic Weights`;

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error('embed.html is missing <div id="root">');

createRoot(rootElement).render(
  <StrictMode>
    <EmbedPageView params={params} entry={entry} essayUrl={new URL("./", location.href).href} />
  </StrictMode>,
);
reportHeight(params.widget ?? "");
