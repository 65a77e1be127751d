import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { largeAttentionCodec } from "../../state/share/largeAttentionShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { EngineProvider } from "../shared/EngineContext";
import { REPORT_DELAY_MS } from "../shared/share/useShareReport";
import type { LargeAttentionFigureValue } from "./figureValue";
import { LargeAttention } from "./LargeAttention";

function renderShared(encoded: string | undefined) {
  const host: ShareHost = {
    initialState: vi.fn(() => encoded),
    stateChanged: vi.fn(),
    links: linksFrom("http://localhost/", () => "cost"),
  };
  const view = render(
    <ShareHostProvider host={host}>
      <EngineProvider value={createCoreEngine()}>
        <LargeAttention id="large" />
      </EngineProvider>
    </ShareHostProvider>,
  );
  const root = () =>
    view.container.querySelector("#large") as HTMLElement & { value: LargeAttentionFigureValue };
  return { host, root };
}

afterEach(() => vi.useRealTimers());

describe("LargeAttention from a link", () => {
  it("opens with the link's settings, centres and zoom", () => {
    const { host, root } = renderShared(
      "v1;n=64;d=8;k=2;seed=9;pooling=mean;causal=1;centres=0.25,-0.5,1.2,0;zoom=0,8,16,32",
    );
    expect(host.initialState).toHaveBeenCalledWith("large");
    expect(screen.getByLabelText("Tokens n = 64")).toHaveProperty("value", "3");
    expect(screen.getByLabelText("Dimension d")).toHaveProperty("value", "8");
    expect(screen.getByLabelText("Clusters k")).toHaveProperty("value", "2");
    expect(screen.getByLabelText("Pooling per pixel")).toHaveProperty("value", "mean");
    expect(screen.getByLabelText(/Causal/)).toHaveProperty("checked", true);
    expect(screen.getByLabelText("Seed")).toHaveProperty("value", "9");
    const value = root().value;
    expect(value.centres).toEqual([
      [0.25, -0.5],
      [1.2, 0],
    ]);
    expect(value.view).toEqual({ rowStart: 0, colStart: 8, rows: 16, cols: 32 });
    expect(screen.queryByText(/some of the link could not be used/)).toBeNull();
  });

  it("says what a bad link held and keeps the rest", () => {
    renderShared("v1;n=64;d=3;pooling=mean");
    expect(screen.getByText(/some of the link could not be used/)).toBeTruthy();
    expect(screen.getByText(/d = 3 is not one of 2, 8, 16, 32, 64/)).toBeTruthy();
    expect(screen.getByLabelText("Pooling per pixel")).toHaveProperty("value", "mean");
  });

  it("reports the reader's change to the host once it settles", () => {
    vi.useFakeTimers();
    const { host } = renderShared(undefined);
    fireEvent.change(screen.getByLabelText("Clusters k"), { target: { value: "4" } });
    fireEvent.click(screen.getByLabelText(/Causal/));
    expect(host.stateChanged).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(REPORT_DELAY_MS));
    expect(host.stateChanged).toHaveBeenCalledTimes(1);
    const [id, name, encoded] = vi.mocked(host.stateChanged).mock.calls[0] as [string, string, string];
    expect([id, name]).toEqual(["large", "large-attention"]);
    const { state, messages } = largeAttentionCodec.decode(encoded);
    expect(messages).toEqual([]);
    // The three centres kept their places and the fourth took its seeded one: all four are written.
    expect(state).toMatchObject({ n: 512, k: 4, causal: true, pooling: "max" });
    expect(state.centres).toHaveLength(8);
    const centres = (document.querySelector("#large") as HTMLElement & { value: LargeAttentionFigureValue })
      .value.centres;
    expect(state.centres).toEqual(centres.flat());
  });
});
