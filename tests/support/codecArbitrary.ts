import fc from "fast-check";
import type { WidgetCodec } from "../../src/state/share/codec";
import type { Field } from "../../src/state/share/fields";

/** Valid values of one field, drawn from its declared kind (edges included). */
export function fieldArbitrary(field: Field<unknown>): fc.Arbitrary<unknown> {
  const kind = field.kind;
  switch (kind.type) {
    case "flag":
      return fc.boolean();
    case "choice":
      return fc.constantFrom(...kind.values);
    case "text":
      // Full Unicode: emoji, right-to-left text, markup, separators and percent signs.
      return fc.oneof(
        fc.string({ unit: "grapheme", maxLength: Math.min(kind.maxLength, 60) }),
        fc.constantFrom(
          "<script>alert(1)</script> a;b=c,d",
          "٣ مرحبا بالعالم",
          "🐈‍⬛ 🧶 the cat",
          "%E0%A4%A;;==",
          "",
        ),
      );
    case "number":
      return number(kind.min, kind.max, kind.integer);
    case "numbers": {
      const groups = fc.integer({
        min: Math.ceil(kind.minLength / kind.group),
        max: Math.min(Math.floor(kind.maxLength / kind.group), 12),
      });
      return groups.chain((g) =>
        fc.array(number(kind.min, kind.max, kind.integer), {
          minLength: g * kind.group,
          maxLength: g * kind.group,
        }),
      );
    }
    case "names":
      return fc.array(fc.constantFrom(...kind.values), {
        minLength: kind.minLength,
        maxLength: Math.min(kind.maxLength, 8),
      });
  }
}

function number(min: number, max: number, integer: boolean): fc.Arbitrary<number> {
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.oneof(
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(min, max),
    fc.constantFrom(...[0, -0, 0.1, 1e-7, 1 / 3].filter((x) => x >= min && x <= max)),
  );
}

/** Any state whose fields are each valid (before the codec's cross-field check). */
export function stateArbitrary<S>(codec: WidgetCodec<S>): fc.Arbitrary<S> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, field] of Object.entries(codec.fields))
    record[key] = fieldArbitrary(field as Field<unknown>);
  return fc.record(record) as unknown as fc.Arbitrary<S>;
}
