import { describe, expect, it, vi } from "vitest";
import { createLatestWins } from "./scheduler";

/** A fake async job whose completion the test controls: `resolve(i)` finishes the i-th call. */
function controllableRun<I, R>() {
  const calls: { input: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  const run = vi.fn(
    (input: I) =>
      new Promise<R>((resolve, reject) => {
        calls.push({ input, resolve, reject });
      }),
  );
  return { run, calls };
}

// Lets pending promise callbacks run.
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("createLatestWins", () => {
  it("runs the first submission at once and returns increasing generations", async () => {
    const { run, calls } = controllableRun<string, string>();
    const results: [string, number][] = [];
    const s = createLatestWins(run, (r, g) => results.push([r, g]));
    expect(s.submit("a")).toBe(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(s.inFlight()).toBe(true);
    calls[0].resolve("A");
    await flush();
    expect(results).toEqual([["A", 1]]);
    expect(s.inFlight()).toBe(false);
  });

  it("keeps only the newest input while busy, one job in flight", async () => {
    const { run, calls } = controllableRun<number, number>();
    const results: [number, number][] = [];
    const s = createLatestWins(run, (r, g) => results.push([r, g]));
    s.submit(1);
    expect(s.submit(2)).toBe(2);
    expect(s.submit(3)).toBe(3);
    expect(s.submit(4)).toBe(4);
    expect(run).toHaveBeenCalledTimes(1);
    calls[0].resolve(10);
    await flush();
    // Inputs 2 and 3 were replaced; 4 runs next.
    expect(run).toHaveBeenCalledTimes(2);
    expect(calls[1].input).toBe(4);
    calls[1].resolve(40);
    await flush();
    expect(results).toEqual([
      [10, 1],
      [40, 4],
    ]);
    expect(run).toHaveBeenCalledTimes(2);
    expect(s.inFlight()).toBe(false);
  });

  it("reports a failed job with its generation and carries on with the newest input", async () => {
    const { run, calls } = controllableRun<string, string>();
    const results: [string, number][] = [];
    const errors: [unknown, number][] = [];
    const s = createLatestWins(
      run,
      (r, g) => results.push([r, g]),
      (e, g) => errors.push([e, g]),
    );
    s.submit("a");
    s.submit("b");
    calls[0].reject(new Error("lost"));
    await flush();
    expect(errors).toEqual([[new Error("lost"), 1]]);
    calls[1].resolve("B");
    await flush();
    expect(results).toEqual([["B", 2]]);
  });

  it("turns a synchronous throw in run into an error report", async () => {
    const errors: number[] = [];
    const s = createLatestWins<number, number>(
      () => {
        throw new Error("bad input");
      },
      () => {},
      (_e, g) => errors.push(g),
    );
    s.submit(1);
    s.submit(2);
    await flush();
    expect(errors).toEqual([1, 2]);
    expect(s.inFlight()).toBe(false);
  });

  it("a listener that throws does not stall the loop", async () => {
    const { run, calls } = controllableRun<number, number>();
    const errors: number[] = [];
    const s = createLatestWins(
      run,
      () => {
        throw new Error("render failed");
      },
      (_e, g) => errors.push(g),
    );
    s.submit(1);
    s.submit(2);
    calls[0].resolve(1);
    await flush();
    expect(run).toHaveBeenCalledTimes(2);
    calls[1].resolve(2);
    await flush();
    expect(errors).toEqual([1, 2]);
  });

  it("delivers nothing after dispose, and drops the waiting input", async () => {
    const { run, calls } = controllableRun<number, number>();
    const onResult = vi.fn();
    const onError = vi.fn();
    const s = createLatestWins(run, onResult, onError);
    s.submit(1);
    s.submit(2);
    s.dispose();
    calls[0].resolve(1);
    await flush();
    expect(onResult).not.toHaveBeenCalled();
    expect(run).toHaveBeenCalledTimes(1);
    s.submit(3);
    await flush();
    expect(run).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it("a failed job after dispose is not reported", async () => {
    const { run, calls } = controllableRun<number, number>();
    const onError = vi.fn();
    const s = createLatestWins(run, () => {}, onError);
    s.submit(1);
    s.dispose();
    calls[0].reject(new Error("late"));
    await flush();
    expect(onError).not.toHaveBeenCalled();
  });

  it("keeps up with a long random drag: newest input last, generations strictly increasing", async () => {
    const delays: number[] = [];
    const run = (input: number) =>
      new Promise<number>((resolve) => {
        const delay = (input * 7919) % 5;
        delays.push(delay);
        setTimeout(() => resolve(input * 2), delay);
      });
    const delivered: [number, number][] = [];
    const s = createLatestWins(run, (r, g) => delivered.push([r, g]));
    for (let i = 1; i <= 100; i++) {
      s.submit(i);
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await vi.waitFor(() => expect(delivered.at(-1)).toEqual([200, 100]));
    expect(delivered.length).toBeLessThan(100);
    for (const [result, generation] of delivered) expect(result).toBe(generation * 2);
    // Generations arrive strictly increasing: nothing older than what is on screen is delivered.
    const generations = delivered.map(([, generation]) => generation);
    expect(generations).toEqual([...new Set(generations)].sort((x, y) => x - y));
  });
});
