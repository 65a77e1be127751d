import { describe, expect, it } from "vitest";
import { createStore } from "zustand/vanilla";
import { createVisibilityGate } from "./visibilityGate";

interface Counter {
  step: number;
  status: string;
  bump(): void;
}

const counter = () =>
  createStore<Counter>()((set) => ({
    step: 0,
    status: "idle",
    bump: () => set((s) => ({ step: s.step + 1 })),
  }));

describe("createVisibilityGate", () => {
  it("passes every change while visible", () => {
    const source = counter();
    const gate = createVisibilityGate(source);
    const seen: number[] = [];
    gate.api.subscribe((s) => seen.push(s.step));
    source.getState().bump();
    source.getState().bump();
    expect(seen).toEqual([1, 2]);
    expect(gate.api.getState().step).toBe(2);
  });

  it("stands still while hidden and catches up in one update when shown again", () => {
    const source = counter();
    const gate = createVisibilityGate(source);
    const seen: [number, number][] = [];
    gate.api.subscribe((s, p) => seen.push([s.step, p.step]));
    gate.setVisible(false);
    for (let i = 0; i < 30; i++) gate.api.getState().bump();
    expect(source.getState().step).toBe(30);
    expect(gate.api.getState().step).toBe(0);
    expect(seen).toEqual([]);
    gate.setVisible(true);
    expect(seen).toEqual([[30, 0]]);
    expect(gate.api.getState().step).toBe(30);
  });

  it("lets the changes passThrough names through while hidden", () => {
    const source = counter();
    const gate = createVisibilityGate(source, (next, shown) => next.status !== shown.status);
    const seen: string[] = [];
    gate.api.subscribe((s) => seen.push(`${s.status}@${s.step}`));
    gate.setVisible(false);
    source.getState().bump();
    source.setState({ status: "finished" });
    source.getState().bump();
    expect(seen).toEqual(["finished@1"]);
    gate.setVisible(true);
    expect(seen).toEqual(["finished@1", "finished@2"]);
  });

  it("writes through to the source and unsubscribes", () => {
    const source = counter();
    const gate = createVisibilityGate(source);
    const seen: number[] = [];
    const stop = gate.api.subscribe((s) => seen.push(s.step));
    gate.api.setState({ step: 5 });
    expect(source.getState().step).toBe(5);
    stop();
    source.getState().bump();
    expect(seen).toEqual([5]);
  });
});
