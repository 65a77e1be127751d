import fc from "fast-check";
import { expect } from "vitest";
import type { WidgetCodec } from "../../src/state/share/codec";
import { stateArbitrary } from "./codecArbitrary";

/**
 * Laws each widget's codec owes its own store. tests/unit/shareCodecs.test.ts checks the codec
 * laws (round trip, bare defaults, hostile text) for every registered codec, but knows no store:
 * these check that the store a link starts gives back what the link said.
 */

/** Valid states of `codec`: each field drawn from its kind, then the codec's cross-field check. */
export function validStates<S>(codec: WidgetCodec<S>): fc.Arbitrary<S> {
  return stateArbitrary(codec).map((raw) => codec.decode(codec.encode(raw)).state);
}

/**
 * A store created from any valid state gives back exactly that state. `restore` creates the
 * widget's store from `state` and returns its shareable part (it may also check more of the
 * store, such as weights drawn from the seed).
 */
export function expectStoreRestores<S>(
  codec: WidgetCodec<S>,
  restore: (state: S) => S,
  { runs = 200 }: { runs?: number } = {},
): void {
  fc.assert(
    fc.property(validStates(codec), (state) => {
      expect(restore(state)).toEqual(state);
    }),
    { numRuns: runs },
  );
}

/**
 * The store's own defaults (the figure as the essay first shows it) are the codec's defaults, so
 * a link to the untouched figure is the bare version.
 */
export function expectDefaultsEncodeBare<S>(codec: WidgetCodec<S>, shared: S): void {
  expect(shared).toEqual(codec.defaults());
  expect(codec.encode(shared)).toBe(`v${codec.version}`);
}
