import { describe, expect, it } from "vitest";
import { createRng } from "../../core/rng";
import { batchSeed, initSeed, mixSeeds } from "./batchSeed";

describe("batchSeed", () => {
  it("is a 32-bit whole number, fixed per (seed, step)", () => {
    expect(batchSeed(1, 0)).toBe(batchSeed(1, 0));
    for (const value of [batchSeed(0, 0), batchSeed(2 ** 32 - 1, 123456), mixSeeds(-5, 7.9)]) {
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(2 ** 32);
    }
  });

  it("gives every step of every nearby seed its own seed, and model inits their own", () => {
    const seen = new Set<number>();
    for (let seed = 0; seed < 10; seed++) {
      for (let step = 0; step < 1000; step++) seen.add(batchSeed(seed, step));
    }
    expect(seen.size).toBe(10_000);
    const inits = (["lsa", "mlp", "twoLayer", "oneLayer"] as const).map((id) => initSeed(1, id));
    expect(new Set(inits).size).toBe(4);
    for (const value of inits) expect(seen.has(value)).toBe(false);
  });

  it("breaks mulberry32's overlap: seeds a Weyl step apart do not draw shifted copies", () => {
    // createRng(s + 0x6d2b79f5) is createRng(s) one draw later; batchSeed must not inherit that.
    const plain = [createRng(5), createRng(5 + 0x6d2b79f5)];
    plain[0].next();
    expect(plain[0].next()).toBe(plain[1].next());
    const mixed = [createRng(batchSeed(5, 0)), createRng(batchSeed(5 + 0x6d2b79f5, 0))];
    mixed[0].next();
    expect(mixed[0].next()).not.toBe(mixed[1].next());
  });
});
