import { act, render, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createFakeDriver,
  curve,
  fakeDrivers,
  startedWithCheckpoint,
} from "../../../tests/support/fakeTrainingDriver";
import type { GdSnapshot } from "../../core/training";
import { TrainedGradientDescent } from "../TrainedGradientDescent";
import { lazyDriver } from "./lazyDriver";
import { TrainingDriverProvider } from "./TrainingDriverContext";

type Root = HTMLElement & { value: { source: string; status: string } };

// A layer of zeros is a valid snapshot: the figure draws it (implied η 0).
const zeros = (n: number) => ({ rows: n, cols: n, data: new Float64Array(n * n) });
const SNAPSHOT: GdSnapshot = {
  layer: { wk: zeros(11), wq: zeros(11), wv: zeros(11), projection: zeros(11) },
  preconditioner: zeros(10),
  impliedEta: 0,
  offIdentity: 0,
};

const script = () =>
  fakeDrivers<GdSnapshot>({
    after: {
      start: () =>
        startedWithCheckpoint(
          SNAPSHOT,
          curve(10, () => 1, ["lsa"]),
          { lsa: 1 },
          { lsa: 484 },
        ),
    },
  });

afterEach(() => vi.unstubAllGlobals());

describe("useTrainingStore and useStartWhenNear", () => {
  it("under StrictMode's mount, unmount and mount again, one driver is left running and started once", async () => {
    const drivers = script();
    render(
      <StrictMode>
        <TrainingDriverProvider value={drivers}>
          <TrainedGradientDescent id="strict" />
        </TrainingDriverProvider>
      </StrictMode>,
    );
    const root = document.getElementById("strict") as Root;
    await waitFor(() => expect(root.value.source).toBe("checkpoint"));
    const live = drivers.created.filter((d) => !d.disposed);
    expect(live).toHaveLength(1);
    expect(live[0].types()).toEqual(["start"]);
    // Any driver of the discarded first mount was disposed, never left training.
    for (const d of drivers.created.filter((x) => x.disposed)) expect(d.types().at(-1)).toBe("dispose");
  });

  it("starts the trainer only once the figure nears the viewport", async () => {
    const observed: { callback: IntersectionObserverCallback; options?: IntersectionObserverInit }[] = [];
    vi.stubGlobal(
      "IntersectionObserver",
      class {
        constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
          observed.push({ callback, options });
        }
        observe() {}
        disconnect() {}
      },
    );
    const drivers = script();
    render(
      <TrainingDriverProvider value={drivers}>
        <TrainedGradientDescent id="far" />
      </TrainingDriverProvider>,
    );
    const root = document.getElementById("far") as Root;
    await act(async () => {});
    // Far below the fold: no driver made at all (no worker, no tfjs), the figure says it is loading.
    expect(drivers.created).toHaveLength(0);
    expect(root.value.status).toBe("loading");
    expect(observed[0].options?.rootMargin).toBe("600px 0px");
    act(() =>
      observed[0].callback(
        [{ isIntersecting: true } as IntersectionObserverEntry],
        {} as IntersectionObserver,
      ),
    );
    await waitFor(() => expect(root.value.source).toBe("checkpoint"));
    expect(drivers.created.map((d) => d.types())).toEqual([["start"]]);
  });
});

describe("lazyDriver", () => {
  it("makes the real driver on the first command, passes its events on, and disposes it", () => {
    const make = vi.fn(() => createFakeDriver<string>("gd"));
    const lazy = lazyDriver(make);
    const heard: string[] = [];
    lazy.subscribe((event) => heard.push(event.type));
    expect(make).not.toHaveBeenCalled();
    lazy.setRate(5);
    lazy.start();
    expect(make).toHaveBeenCalledTimes(1);
    const real = make.mock.results[0].value;
    expect(real.commands).toEqual([{ type: "setRate", stepsPerSecond: 5 }, { type: "start" }]);
    real.emit({ type: "paused", step: 3 });
    expect(heard).toEqual(["paused"]);
    lazy.dispose();
    expect(real.disposed).toBe(true);
    lazy.run();
    expect(real.types().at(-1)).toBe("dispose");
  });

  it("disposed before it started, it never makes a driver and refuses probes", async () => {
    const make = vi.fn(() => createFakeDriver<string>("gd"));
    const lazy = lazyDriver(make);
    lazy.dispose();
    lazy.start();
    expect(make).not.toHaveBeenCalled();
    await expect(lazy.probe(undefined as never)).rejects.toThrow(/stopped/);
  });
});
