import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCoreEngine } from "../../../tests/support/coreEngine";
import { attentionCostCodec } from "../../state/share/attentionCostShare";
import { linksFrom, type ShareHost, ShareHostProvider } from "../../state/share/shareHost";
import { EngineProvider } from "../shared/EngineContext";
import { REPORT_DELAY_MS } from "../shared/share/useShareReport";
import { AttentionCost } from "./AttentionCost";

function renderShared(encoded: string | undefined) {
  const host: ShareHost = {
    initialState: vi.fn(() => encoded),
    stateChanged: vi.fn(),
    links: linksFrom("http://localhost/", () => "cost"),
  };
  render(
    <ShareHostProvider host={host}>
      <EngineProvider value={createCoreEngine()}>
        <AttentionCost id="cost" d={8} />
      </EngineProvider>
    </ShareHostProvider>,
  );
  return host;
}

afterEach(() => vi.useRealTimers());

describe("AttentionCost from a link", () => {
  it("opens with the link's d, measuring nothing", () => {
    const host = renderShared("v1;d=32");
    expect(host.initialState).toHaveBeenCalledWith("cost");
    expect(screen.getByLabelText("Dimension d")).toHaveProperty("value", "32");
    expect(screen.getByText(/Nothing is measured until you press the button/)).toBeTruthy();
  });

  it("says what a bad link held and starts from the defaults", () => {
    renderShared("v1;d=7");
    expect(screen.getByText(/some of the link could not be used/)).toBeTruthy();
    expect(screen.getByText(/d must be a whole number from 8 to 64/)).toBeTruthy();
    expect(screen.getByLabelText("Dimension d")).toHaveProperty("value", "64");
  });

  it("reports the reader's new d to the host once it settles", () => {
    vi.useFakeTimers();
    const host = renderShared(undefined);
    expect(screen.getByLabelText("Dimension d")).toHaveProperty("value", "8");
    fireEvent.change(screen.getByLabelText("Dimension d"), { target: { value: "16" } });
    act(() => vi.advanceTimersByTime(REPORT_DELAY_MS));
    expect(host.stateChanged).toHaveBeenCalledTimes(1);
    const [id, name, encoded] = vi.mocked(host.stateChanged).mock.calls[0] as [string, string, string];
    expect([id, name, encoded]).toEqual(["cost", "attention-cost", "v1;d=16"]);
    expect(attentionCostCodec.decode(encoded).state).toEqual({ d: 16 });
  });
});
