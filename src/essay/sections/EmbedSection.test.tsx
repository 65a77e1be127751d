import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { widgetRegistry } from "../../widgets/registry";
import { linksFrom, ShareHostProvider } from "../../widgets/shared/share/host";
import { EmbedSection } from "./EmbedSection";

const host = {
  initialState: () => undefined,
  stateChanged: () => {},
  links: linksFrom("https://essay.example/dw/", () => "attention"),
};

describe("Embed these figures", () => {
  it("shows the snippets pointing at this essay's own address", () => {
    render(
      <ShareHostProvider host={host}>
        <EmbedSection id="embed" title="Embed these figures" />
      </ShareHostProvider>,
    );
    const text = document.body.textContent ?? "";
    expect(text).toContain(
      "https://essay.example/dw/#attention/explorer/v1;text=the%20dog%20chased%20the%20cat;causal=1",
    );
    expect(text).toContain('<iframe src="https://essay.example/dw/embed.html?widget=attention&#38;state=');
    expect(text).toContain(
      '<script type="module" src="https://essay.example/dw/elements/dw-elements.js"></script>',
    );
    expect(text).toContain('"type": "dynamic-weights:height"');
  });

  it("documents every figure's settings from its codec", () => {
    render(
      <ShareHostProvider host={host}>
        <EmbedSection id="embed" title="Embed these figures" />
      </ShareHostProvider>,
    );
    for (const entry of widgetRegistry) {
      const table = screen.getByRole("region", { name: `Settings of ${entry.title}` });
      const keys = within(table)
        .getAllByRole("rowheader")
        .map((cell) => cell.textContent);
      expect(keys).toEqual(Object.keys(entry.codec.fields));
    }
  });
});
