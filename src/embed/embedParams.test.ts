import { describe, expect, it } from "vitest";
import { readEmbedParams } from "./embedParams";

describe("readEmbedParams", () => {
  it("reads the widget, the state as given, and a light or dark theme", () => {
    expect(readEmbedParams("?widget=attention&state=v1%3Bcausal%3D1&theme=dark")).toEqual({
      widget: "attention",
      state: "v1;causal=1",
      theme: "dark",
    });
    expect(readEmbedParams("widget=mlp&theme=%20Light%20").theme).toBe("light");
  });

  it("follows the system without a theme, and with an unknown one says so", () => {
    expect(readEmbedParams("?widget=attention")).toEqual({
      widget: "attention",
      state: undefined,
      theme: "system",
    });
    expect(readEmbedParams("?theme=system").themeMessage).toBeUndefined();
    const odd = readEmbedParams("?theme=<script>alert(1)</script>");
    expect(odd.theme).toBe("system");
    expect(odd.themeMessage).toMatch(/^Ignored theme="<script>alert\(1\)<\/sc…": it must be light or dark/);
  });

  it("gives null for a missing widget and never throws on junk", () => {
    expect(readEmbedParams("").widget).toBeNull();
    expect(() => readEmbedParams("?%E0%A4%A=1&&&==")).not.toThrow();
  });
});
