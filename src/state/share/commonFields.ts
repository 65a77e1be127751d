import { TOKEN_LIMIT } from "../tokenPoints";
import { type Field, numberField } from "./fields";

/** Seeds are taken modulo 2³² by the RNG, so 0 … 2³² − 1 are all the distinct draws. */
const SEED_MAX = 2 ** 32 - 1;

/** A seed of a seeded RNG: a whole number from 0 to SEED_MAX; `doc` says what it draws. */
export function seedField(fallback: number, doc: string): Field<number> {
  return numberField({ fallback, min: 0, max: SEED_MAX, integer: true, doc });
}

/**
 * A whole number the figure offers only from a list (d in 8, 16, 32, 64, say). The field takes any
 * whole number between the list's ends; the codec's `check` replaces one that is not in the list
 * and says why, in the figure's own words.
 */
export function listedNumberField(values: readonly number[], fallback: number, doc: string): Field<number> {
  return numberField({ fallback, min: Math.min(...values), max: Math.max(...values), integer: true, doc });
}

/** A token of the sentence, by index from 0 (the codec's `check` holds it to the sentence's length). */
export function tokenIndexField(fallback: number, doc: string): Field<number> {
  return numberField({ fallback, min: 0, max: TOKEN_LIMIT - 1, integer: true, doc });
}
