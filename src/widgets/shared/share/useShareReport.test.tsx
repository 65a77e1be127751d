import { act, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStore, type StoreApi } from "zustand/vanilla";
import { defineCodec } from "../../../state/share/codec";
import { numberField } from "../../../state/share/fields";
import { linksFrom, ShareHostProvider } from "../../../state/share/shareHost";
import type { ShareSpec } from "./shareSpec";
import { REPORT_DELAY_MS, useShareReport } from "./useShareReport";

interface Counter {
  count: number;
  /** Not shared: changes to it alone are never reported. */
  ticks: number;
}

const codec = defineCodec<{ count: number }>({
  name: "counter",
  version: 1,
  fields: { count: numberField({ fallback: 0, min: 0, max: 1e6, integer: true, doc: "a count" }) },
});
const spec: ShareSpec<Counter, { count: number }> = {
  codec,
  title: "Counter",
  toShared: (s) => ({ count: s.count }),
};

function Reporter({ store }: { store: StoreApi<Counter> }) {
  useShareReport("counter-1", spec, store);
  return null;
}

function setup() {
  const store = createStore<Counter>(() => ({ count: 0, ticks: 0 }));
  const stateChanged = vi.fn();
  render(
    <ShareHostProvider
      host={{
        initialState: () => undefined,
        stateChanged,
        links: linksFrom("https://e.x/", () => undefined),
      }}
    >
      <Reporter store={store} />
    </ShareHostProvider>,
  );
  return { store, stateChanged };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("useShareReport", () => {
  it("reports once the reader pauses, not while changes keep coming", () => {
    const { store, stateChanged } = setup();
    for (let i = 1; i <= 10; i++) {
      act(() => store.setState({ count: i }));
      act(() => vi.advanceTimersByTime(100));
    }
    expect(stateChanged).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(REPORT_DELAY_MS));
    expect(stateChanged.mock.calls).toEqual([["counter-1", "counter", "v1;count=10"]]);
  });

  it("reports a change promptly while other updates (progress, results) keep coming", () => {
    const { store, stateChanged } = setup();
    act(() => store.setState({ count: 5 }));
    for (let t = 0; t < REPORT_DELAY_MS + 100; t += 50) {
      act(() => store.setState({ ticks: t }));
      act(() => vi.advanceTimersByTime(50));
    }
    expect(stateChanged.mock.calls).toEqual([["counter-1", "counter", "v1;count=5"]]);
  });

  it("says nothing when the shared state is back where it was last reported", () => {
    const { store, stateChanged } = setup();
    act(() => store.setState({ count: 3 }));
    act(() => store.setState({ count: 0, ticks: 1 }));
    act(() => vi.advanceTimersByTime(REPORT_DELAY_MS * 2));
    expect(stateChanged).not.toHaveBeenCalled();
  });
});
