import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_STATE_LENGTH } from "../../src/state/share/codec";
import { widgetRegistry } from "../../src/widgets/registry";
import { stateArbitrary } from "../support/codecArbitrary";

const RUNS = 300;

describe.each(widgetRegistry.map((entry) => [entry.name, entry] as const))("the %s codec", (_name, entry) => {
  const codec = entry.codec;

  it("restores every valid state exactly: decode(encode(s)) is s, with no message", () => {
    fc.assert(
      fc.property(stateArbitrary(codec), (raw) => {
        // A valid state is one the codec's own cross-field check leaves alone.
        const valid = codec.decode(codec.encode(raw)).state;
        const again = codec.decode(codec.encode(valid));
        expect(again.messages).toEqual([]);
        expect(again.state).toEqual(valid);
        expect(codec.encode(again.state)).toBe(codec.encode(valid));
      }),
      { numRuns: RUNS },
    );
  });

  it("encodes the defaults as the bare version and decodes it back to them", () => {
    expect(codec.encode(codec.defaults())).toBe(`v${codec.version}`);
    expect(codec.decode(`v${codec.version}`)).toEqual({ state: codec.defaults(), messages: [] });
    expect(codec.decode("")).toEqual({ state: codec.defaults(), messages: [] });
  });

  it("never throws on random text, and always gives a state plus a message for what it ignored", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const { state, messages } = codec.decode(text);
        expect(Object.keys(state as object).sort()).toEqual(Object.keys(codec.fields).sort());
        // Whatever was restored is itself a valid state.
        expect(codec.decode(codec.encode(state)).messages).toEqual([]);
        if (messages.length === 0) expect(codec.encode(state)).toBe(codec.encode(codec.decode(text).state));
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws on truncated or hand-edited links, and keeps each valid setting", () => {
    fc.assert(
      fc.property(stateArbitrary(codec), fc.nat(), fc.string({ maxLength: 6 }), (raw, cut, junk) => {
        const encoded = codec.encode(raw);
        const truncated = encoded.slice(0, cut % (encoded.length + 1));
        const edited = `${truncated}${junk}`;
        for (const text of [truncated, edited]) {
          const { state } = codec.decode(text);
          expect(codec.decode(codec.encode(state)).messages).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("says what it ignored: unknown settings, bad values, other versions, oversized states", () => {
    const first = Object.keys(codec.fields)[0] as string;
    expect(codec.decode(`v${codec.version};nonsense=1`).messages).toEqual([
      expect.stringContaining('unknown setting "nonsense"'),
    ]);
    expect(codec.decode(`v${codec.version + 1}`).messages).toEqual([
      expect.stringContaining("newer version"),
    ]);
    const huge = codec.decode(`v1;${first}=${"x".repeat(MAX_STATE_LENGTH)}`);
    expect(huge.state).toEqual(codec.defaults());
    expect(huge.messages).toEqual([expect.stringContaining("too long")]);
    expect(codec.decode(42).messages).toEqual([expect.stringContaining("not text")]);
    expect(codec.decode(`v1;${first}=%E0%A4%A`).messages).toEqual([
      expect.stringContaining("percent-encoding"),
    ]);
    for (const [key, field] of Object.entries(codec.fields)) {
      if (field.parse("NaN") !== undefined) continue;
      const { state, messages } = codec.decode(`v1;${key}=NaN`);
      expect(messages).toEqual([expect.stringContaining(`${key} must be`)]);
      expect((state as Record<string, unknown>)[key]).toEqual(field.fallback);
    }
  });

  it("reads element attributes like a link: a whole state, then one attribute per field", () => {
    fc.assert(
      fc.property(stateArbitrary(codec), (raw) => {
        const valid = codec.decode(codec.encode(raw)).state as Record<string, unknown>;
        const attributes: [string, string][] = [["class", "wide"]];
        for (const [key, field] of Object.entries(codec.fields))
          attributes.push([key, (field as { format(v: unknown): string }).format(valid[key])]);
        const { state, messages } = codec.fromAttributes(attributes);
        expect(messages).toEqual([]);
        expect(state).toEqual(valid);
        expect(codec.fromAttributes([["state", codec.encode(valid)]]).state).toEqual(valid);
      }),
      { numRuns: 100 },
    );
  });
});
