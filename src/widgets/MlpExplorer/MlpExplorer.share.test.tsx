import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { toRows } from "../../core/matrix";
import { createMlpWeights } from "../../state/mlpWeights";
import { mlpCodec } from "../../state/share/mlpShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { EngineProvider } from "../shared/EngineContext";
import type { MlpFigureValue } from "./figureValue";
import { MlpExplorer } from "./MlpExplorer";

const SLOW = { timeout: 20_000 };
const ID = "shared-mlp";

/** A page that opened with `encoded` as this figure's link, and records what the figure reports. */
function renderFromLink(encoded: string) {
  const stateChanged = vi.fn<ShareHost["stateChanged"]>();
  const host: ShareHost = {
    initialState: (id) => (id === ID ? encoded : undefined),
    stateChanged,
    links: linksFrom("https://example.org/essay/", () => "fixed-mlp"),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <EngineProvider value={createCoreEngine()}>
        <MlpExplorer id={ID} initialText="the cat sat on the mat" />
      </EngineProvider>
    </ShareHostProvider>,
  );
  const root = () => view.container.querySelector(`#${ID}`) as HTMLElement & { value: MlpFigureValue };
  return { root, stateChanged };
}

describe("MlpExplorer from a link", () => {
  it("starts from the link's sentence, drags, σ and seed", async () => {
    const { root } = renderFromLink(
      mlpCodec.encode({ text: "a dog ran", moved: [1, 0.5, -0.25], activation: "tanh", seed: 99 }),
    );
    await waitFor(() => expect(root().value.hidden).not.toBeNull(), SLOW);
    expect(screen.getByLabelText<HTMLTextAreaElement>("Your sentence").value).toBe("a dog ran");
    expect(screen.getByLabelText<HTMLSelectElement>("Nonlinearity σ").value).toBe("tanh");
    const value = root().value;
    expect(value.tokens).toEqual(["a", "dog", "ran"]);
    expect(value.points[1]).toEqual([0.5, -0.25]);
    expect(value.a).toEqual(toRows(createMlpWeights(99).a));
    expect(root().querySelector(".dw-share-restored")).toBeNull();
  });

  it("says what a hand-edited link held that it could not use, and keeps the rest", async () => {
    const { root } = renderFromLink("v1;activation=sigmoid;seed=5");
    const message = await screen.findByText(/^Ignored activation="sigmoid": activation must be one of relu/);
    expect(message.closest("[role=status]")).not.toBeNull();
    expect(root().value.seed).toBe(5);
    expect(root().value.activation).toBe("relu");
  });

  it("reports the reader's change to the page as a link that restores it", async () => {
    const { root, stateChanged } = renderFromLink("v1;seed=5");
    await waitFor(() => expect(root().value.hidden).not.toBeNull(), SLOW);
    fireEvent.change(screen.getByLabelText("Nonlinearity σ"), { target: { value: "gelu" } });
    await waitFor(() => expect(stateChanged).toHaveBeenCalled(), SLOW);
    const [id, name, encoded] = stateChanged.mock.calls.at(-1) ?? [];
    expect([id, name]).toEqual([ID, "mlp"]);
    expect(mlpCodec.decode(encoded)).toEqual({
      state: { ...mlpCodec.defaults(), seed: 5, activation: "gelu" },
      messages: [],
    });
  });
});
