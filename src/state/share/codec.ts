import type { Field } from "./fields";

/**
 * A widget's shareable state as URL text: `v1;text=the%20cat%20sat;causal=1;moved=0,0.5,-1.25`.
 *
 * - It starts with the codec's version (`v1`); a link without one is read as the current version.
 * - Then `key=value` pairs separated by `;`, in any order; values are percent-encoded
 *   (`encodeURIComponent`, with commas left readable). Fields left at their defaults are omitted,
 *   so the default state is just `v1`.
 * - Decoding never throws. It keeps every valid field, puts the default in place of each invalid,
 *   unknown or missing one, and says in `messages` what it could not use.
 */
export interface WidgetCodec<S> {
  /** The widget's name in URLs, embed pages and custom element tags (`dw-<name>`). */
  readonly name: string;
  readonly version: number;
  readonly fields: { readonly [K in keyof S]: Field<S[K]> };
  defaults(): S;
  encode(state: S): string;
  decode(text: unknown): Decoded<S>;
  /**
   * A state from an element's attributes: `state` (a whole encoded state) first, then one
   * attribute per field, its value written as in a URL but not percent-encoded.
   */
  fromAttributes(attributes: Iterable<readonly [string, string]>): Decoded<S>;
}

export interface Decoded<S> {
  state: S;
  /** One sentence for each thing that could not be restored; empty when everything was. */
  messages: string[];
}

/** Longer states are refused whole: no widget's real state comes near it. */
export const MAX_STATE_LENGTH = 16_384;

export type FieldsOf<S> = { readonly [K in keyof S]: Field<S[K]> };

export interface CodecSpec<S> {
  name: string;
  version: number;
  fields: FieldsOf<S>;
  /**
   * Checks across fields after each has parsed (a moved point's index against the token count,
   * say): returns the state with the offending parts dropped and a message for each.
   */
  check?(state: S): Decoded<S>;
  /** Rewrites the raw `key → value` pairs of a link made by version `from` into version from + 1's. */
  migrate?: Readonly<Record<number, (pairs: Map<string, string>) => Map<string, string>>>;
}

const VERSION = /^v(\d{1,6})$/;

/** Percent-encoding for values: everything but unreserved characters and commas. */
export function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/g, ",");
}

function decodeValue(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

const quote = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

export function defineCodec<S>(spec: CodecSpec<S>): WidgetCodec<S> {
  const keys = Object.keys(spec.fields) as (keyof S & string)[];
  const fieldOf = (key: string) =>
    Object.hasOwn(spec.fields, key) ? spec.fields[key as keyof S] : undefined;

  const defaults = (): S => {
    const state = {} as S;
    for (const key of keys) state[key] = spec.fields[key].fallback;
    return state;
  };

  /** Parses raw (already percent-decoded) values into a state, collecting messages. */
  const fromPairs = (pairs: Map<string, string>, messages: string[], base: S = defaults()): Decoded<S> => {
    const state = { ...base };
    for (const [key, raw] of pairs) {
      const field = fieldOf(key);
      if (!field) {
        messages.push(`Ignored the unknown setting ${quote(key)}.`);
        continue;
      }
      const value = field.parse(raw);
      if (value === undefined) {
        messages.push(`Ignored ${key}=${quote(raw)}: ${key} must be ${field.expects}.`);
        continue;
      }
      state[key as keyof S] = value as S[keyof S];
    }
    if (!spec.check) return { state, messages };
    const checked = spec.check(state);
    return { state: checked.state, messages: [...messages, ...checked.messages] };
  };

  const migrateFrom = (version: number, pairs: Map<string, string>, messages: string[]) => {
    let current = pairs;
    for (let v = version; v < spec.version; v++) {
      const step = spec.migrate?.[v];
      if (step) current = step(current);
      else {
        messages.push(
          `This link was made by an older version of the figure (v${version}); settings it no longer understands were left at their defaults.`,
        );
        break;
      }
    }
    return current;
  };

  return {
    name: spec.name,
    version: spec.version,
    fields: spec.fields,
    defaults,

    encode(state) {
      const parts = [`v${spec.version}`];
      for (const key of keys) {
        const field = spec.fields[key];
        if (!field.equals(state[key], field.fallback))
          parts.push(`${key}=${encodeValue(field.format(state[key]))}`);
      }
      return parts.join(";");
    },

    decode(text) {
      const messages: string[] = [];
      if (text === undefined || text === null || text === "") return { state: defaults(), messages };
      if (typeof text !== "string") {
        return {
          state: defaults(),
          messages: ["The figure's saved state was not text; it starts from its defaults."],
        };
      }
      if (text.length > MAX_STATE_LENGTH) {
        return {
          state: defaults(),
          messages: [
            `The figure's saved state is too long (${text.length.toLocaleString("en")} characters; the limit is ${MAX_STATE_LENGTH.toLocaleString("en")}), so it starts from its defaults.`,
          ],
        };
      }
      const segments = text.split(";");
      let version = spec.version;
      const head = VERSION.exec(segments[0]?.trim() ?? "");
      if (head) {
        segments.shift();
        version = Number(head[1]);
      }
      const pairs = new Map<string, string>();
      for (const segment of segments) {
        if (segment.trim() === "") continue;
        const at = segment.indexOf("=");
        const rawKey = at < 0 ? segment : segment.slice(0, at);
        const key = decodeValue(rawKey)?.trim();
        const value = decodeValue(at < 0 ? "" : segment.slice(at + 1));
        if (key === undefined || value === undefined) {
          messages.push(`Ignored ${quote(segment)}: it is not valid percent-encoding.`);
          continue;
        }
        if (at < 0 && !(fieldOf(key) && fieldOf(key)?.parse("") !== undefined)) {
          messages.push(`Ignored ${quote(segment)}: a setting is written key=value.`);
          continue;
        }
        if (pairs.has(key)) messages.push(`The setting ${quote(key)} appeared twice; the last one was used.`);
        pairs.set(key, value);
      }
      if (version > spec.version) {
        messages.push(
          `This link was made by a newer version of the figure (v${version}); this page understands v${spec.version}, so some settings may be missing.`,
        );
      }
      const current = version < spec.version ? migrateFrom(version, pairs, messages) : pairs;
      return fromPairs(current, messages);
    },

    fromAttributes(attributes) {
      const messages: string[] = [];
      const all = new Map<string, string>();
      let whole: string | undefined;
      for (const [name, value] of attributes) {
        if (name === "state") whole = value;
        else all.set(name, value);
      }
      const base = whole === undefined ? { state: defaults(), messages } : this.decode(whole);
      // Other attributes (id, class, theme) belong to the element, not the figure's state.
      const pairs = new Map<string, string>();
      for (const [name, value] of all) if (fieldOf(name)) pairs.set(name, value);
      if (pairs.size === 0) return base;
      return fromPairs(pairs, base.messages, base.state);
    },
  };
}
