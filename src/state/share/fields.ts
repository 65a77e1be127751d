/**
 * The kinds of value a widget's shareable state is made of, each with its URL text form. A field
 * formats a valid value to text and parses text back, answering `undefined` for anything it does
 * not accept (so a hand-edited link can keep its valid settings and report the rest).
 *
 * The text forms are meant to be read and edited by hand: numbers in JavaScript's shortest
 * round-trip form (so a value survives exactly), lists comma-separated, flags 1 or 0.
 */
export interface Field<T> {
  /** What kind of value this is, with its bounds: for generated docs and property tests. */
  readonly kind: FieldKind;
  /** The value a widget starts with when the link does not set this field. */
  readonly fallback: T;
  /** What this field sets, for the docs table ("the reader's sentence"). */
  readonly doc: string;
  /** What a valid value looks like, for messages and docs ("a number from 0.05 to 100"). */
  readonly expects: string;
  format(value: T): string;
  /** The value `text` stands for, or undefined when it is not a valid one. */
  parse(text: string): T | undefined;
  equals(a: T, b: T): boolean;
}

export type FieldKind =
  | { type: "number"; min: number; max: number; integer: boolean }
  | { type: "flag" }
  | { type: "choice"; values: readonly string[] }
  | { type: "text"; maxLength: number }
  | {
      type: "numbers";
      min: number;
      max: number;
      integer: boolean;
      minLength: number;
      maxLength: number;
      group: number;
    }
  | { type: "names"; values: readonly string[]; minLength: number; maxLength: number };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number's exact text: `String` round-trips every double; -0 keeps its sign. */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? "-0" : String(x);
}

/** A finite number written in plain decimal or exponent form; no NaN, Infinity or hex. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

const sameNumber = (a: number, b: number) => Object.is(a, b);

export interface NumberOptions {
  fallback: number;
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
  doc: string;
}

export function numberField(o: NumberOptions): Field<number> {
  const kind = o.integer ? "a whole number" : "a number";
  return {
    kind: { type: "number", min: o.min, max: o.max, integer: o.integer ?? false },
    fallback: o.fallback,
    doc: o.doc,
    expects: `${kind} from ${formatNumber(o.min)} to ${formatNumber(o.max)}`,
    format: formatNumber,
    parse(text) {
      const x = parseNumber(text);
      if (x === undefined || x < o.min || x > o.max) return undefined;
      if (o.integer && !Number.isInteger(x)) return undefined;
      return x;
    },
    equals: sameNumber,
  };
}

export function flagField(o: { fallback: boolean; doc: string }): Field<boolean> {
  return {
    kind: { type: "flag" },
    fallback: o.fallback,
    doc: o.doc,
    expects: "1 (on) or 0 (off)",
    format: (on) => (on ? "1" : "0"),
    parse(text) {
      const t = text.trim().toLowerCase();
      // An empty value is a bare HTML attribute (<dw-attention causal>): on.
      if (t === "1" || t === "true" || t === "on" || t === "") return true;
      if (t === "0" || t === "false" || t === "off") return false;
      return undefined;
    },
    equals: (a, b) => a === b,
  };
}

export function choiceField<T extends string>(o: {
  values: readonly T[];
  fallback: T;
  doc: string;
}): Field<T> {
  return {
    kind: { type: "choice", values: o.values },
    fallback: o.fallback,
    doc: o.doc,
    expects: `one of ${o.values.join(", ")}`,
    format: (value) => value,
    parse: (text) => o.values.find((v) => v === text.trim()),
    equals: (a, b) => a === b,
  };
}

export function textField(o: { fallback: string; maxLength: number; doc: string }): Field<string> {
  return {
    kind: { type: "text", maxLength: o.maxLength },
    fallback: o.fallback,
    doc: o.doc,
    expects: `text of at most ${o.maxLength} characters`,
    format: (value) => value,
    // Text is kept exactly (spaces, emoji, markup characters): widgets render it as text only.
    parse: (text) => (text.length <= o.maxLength ? text : undefined),
    equals: (a, b) => a === b,
  };
}

export interface NumbersOptions {
  fallback: readonly number[];
  min: number;
  max: number;
  integer?: boolean;
  /** Allowed list lengths. */
  minLength?: number;
  maxLength: number;
  /** The length must be a multiple of this (2 for points, 3 for [index, x, y] triples). */
  group?: number;
  doc: string;
}

/** A list of numbers, comma-separated; matrices are written row by row in one list. */
export function numbersField(o: NumbersOptions): Field<readonly number[]> {
  const element = numberField({ ...o, fallback: 0 });
  const group = o.group ?? 1;
  const minLength = o.minLength ?? 0;
  const lengths =
    minLength === o.maxLength
      ? `${o.maxLength}`
      : group > 1
        ? `${minLength}–${o.maxLength} (in groups of ${group})`
        : `${minLength}–${o.maxLength}`;
  return {
    kind: {
      type: "numbers",
      min: o.min,
      max: o.max,
      integer: o.integer ?? false,
      minLength,
      maxLength: o.maxLength,
      group,
    },
    fallback: o.fallback,
    doc: o.doc,
    expects: `${lengths} comma-separated ${o.integer ? "whole numbers" : "numbers"} from ${formatNumber(o.min)} to ${formatNumber(o.max)}`,
    format: (values) => values.map(formatNumber).join(","),
    parse(text) {
      if (text.trim() === "") return minLength === 0 ? [] : undefined;
      const parts = text.split(",");
      if (parts.length < minLength || parts.length > o.maxLength || parts.length % group !== 0)
        return undefined;
      const values: number[] = [];
      for (const part of parts) {
        const x = element.parse(part);
        if (x === undefined) return undefined;
        values.push(x);
      }
      return values;
    },
    equals: (a, b) => a.length === b.length && a.every((x, i) => sameNumber(x, b[i] as number)),
  };
}

/** A list of names from a fixed set (e.g. stored glyphs), comma-separated. */
export function namesField<T extends string>(o: {
  values: readonly T[];
  fallback: readonly T[];
  minLength?: number;
  maxLength: number;
  doc: string;
}): Field<readonly T[]> {
  const minLength = o.minLength ?? 0;
  return {
    kind: { type: "names", values: o.values, minLength, maxLength: o.maxLength },
    fallback: o.fallback,
    doc: o.doc,
    expects: `${minLength}–${o.maxLength} comma-separated names from ${o.values.join(", ")}`,
    format: (values) => values.join(","),
    parse(text) {
      if (text.trim() === "") return minLength === 0 ? [] : undefined;
      const names: T[] = [];
      for (const part of text.split(",")) {
        const name = o.values.find((v) => v === part.trim());
        if (name === undefined) return undefined;
        names.push(name);
      }
      return names.length >= minLength && names.length <= o.maxLength ? names : undefined;
    },
    equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  };
}
