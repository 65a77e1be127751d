import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { attentionCodec } from "../../state/share/attentionShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { EngineProvider } from "../shared/EngineContext";
import { AttentionExplorer } from "./AttentionExplorer";
import type { AttentionFigureValue } from "./figureValue";

const SLOW = { timeout: 20_000 };

function renderWithLink(encoded: string | undefined) {
  const stateChanged = vi.fn();
  const host: ShareHost = {
    initialState: (id) => (id === "linked" ? encoded : undefined),
    stateChanged,
    links: linksFrom("https://essay.example/", () => "attention"),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <EngineProvider value={createCoreEngine()}>
        <AttentionExplorer id="linked" initialText="the cat sat on the mat" />
      </EngineProvider>
    </ShareHostProvider>,
  );
  const root = () => view.container.querySelector<HTMLElement & { value: AttentionFigureValue }>("#linked");
  return { stateChanged, root };
}

describe("AttentionExplorer restored from a link", () => {
  it("starts from the link's state instead of its props", async () => {
    const { root } = renderWithLink("v1;text=a%20dog%20ran;moved=1,0.25,-1.5;causal=1;temp=2;row=2");
    expect((screen.getByLabelText("Your sentence") as HTMLInputElement).value).toBe("a dog ran");
    await waitFor(() => expect(root()?.value.weights).not.toBeNull(), SLOW);
    const value = root()?.value as AttentionFigureValue;
    expect(value.tokens).toEqual(["a", "dog", "ran"]);
    expect(value.points[1]).toEqual([0.25, -1.5]);
    expect(value.causal).toBe(true);
    expect(value.temperature).toBe(2);
    // Causal: the first query sees only itself.
    expect(value.weights?.[0]).toEqual([1, 0, 0]);
  });

  it("says what a bad link held, and keeps the rest", async () => {
    renderWithLink("v1;text=one%20two;temp=hot;colour=red");
    expect((screen.getByLabelText("Your sentence") as HTMLInputElement).value).toBe("one two");
    const notice = screen.getByText(/some of the link could not be used/).parentElement as HTMLElement;
    expect(notice.textContent).toContain('temp="hot"');
    expect(notice.textContent).toContain('"colour"');
  });

  it("shows no restore message when nothing was linked, and reports the reader's change", async () => {
    const { stateChanged } = renderWithLink(undefined);
    expect(screen.queryByText(/could not be used/)).toBeNull();
    fireEvent.change(screen.getByLabelText("Your sentence"), { target: { value: "hello <b>world</b>" } });
    await waitFor(() => expect(stateChanged).toHaveBeenCalled(), SLOW);
    const [id, name, encoded] = stateChanged.mock.calls.at(-1) as [string, string, string];
    expect([id, name]).toEqual(["linked", "attention"]);
    expect(attentionCodec.decode(encoded).state.text).toBe("hello <b>world</b>");
  });
});
