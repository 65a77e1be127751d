import { describe, expect, it } from "vitest";
import { shadowRootCss } from "./shadowCss";

describe("shadowRootCss", () => {
  it("moves :root custom properties to :host", () => {
    expect(shadowRootCss(":root{--dw-q:red}")).toBe(":host{--dw-q:red}");
    expect(shadowRootCss(":root {\n  color-scheme: light dark;\n}")).toBe(
      ":host {\n  color-scheme: light dark;\n}",
    );
  });

  it("turns a pinned theme into the element's theme attribute, quoted or minified", () => {
    expect(shadowRootCss(':root[data-theme="dark"]{color-scheme:dark}')).toBe(
      ":host([theme=dark]){color-scheme:dark}",
    );
    expect(shadowRootCss(":root[data-theme=light]{color-scheme:light}")).toBe(
      ":host([theme=light]){color-scheme:light}",
    );
    expect(shadowRootCss('@media print{:root,:root[data-theme="dark"]{color-scheme:light}}')).toBe(
      "@media print{:host,:host([theme=dark]){color-scheme:light}}",
    );
  });

  it("leaves other selectors and look-alike names alone", () => {
    const css = '.dw-widget{color:var(--dw-ink)}[data-theme="dark"]{color-scheme:dark}.x:root-ish{}';
    expect(shadowRootCss(css)).toBe(css);
  });
});
