import type { Rng } from "../../core/rng";
import type { Tf } from "../types";
import type { NamedArrays, Tensor } from "./types";

/*
 * Helpers for NamedArrays, a model's parameters as plain float32 arrays with shapes: drawing
 * initial values, counting, converting to and from the checkpoint's JSON numbers, and making
 * tf.Variables from them (and reading variables back in one readback).
 */

type Variable = ReturnType<Tf["variable"]>;

/** The number of entries of a tensor of shape `shape` (1 for a scalar). */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((product, n) => product * n, 1);
}

/** An entry of `shape` with values drawn N(0, scale²) from `rng`, in row-major order. */
export function normalEntry(rng: Rng, shape: number[], scale: number): NamedArrays[string] {
  const values = new Float32Array(sizeOf(shape));
  for (let i = 0; i < values.length; i++) values[i] = scale * rng.normal();
  return { shape, values };
}

/** An entry of `shape` filled with zeros. */
export function zerosEntry(shape: number[]): NamedArrays[string] {
  return { shape, values: new Float32Array(sizeOf(shape)) };
}

/** The total number of values of all parameters. */
export function parameterCount(named: NamedArrays): number {
  let count = 0;
  for (const entry of Object.values(named)) count += entry.values.length;
  return count;
}

/** The same names and shapes with every value 0 (Adam's moments before the first step). */
export function zerosLike(named: NamedArrays): NamedArrays {
  return Object.fromEntries(Object.entries(named).map(([name, e]) => [name, zerosEntry([...e.shape])]));
}

/**
 * The shortest decimal that reads back as the same float32: at most 9 significant digits, and
 * often far fewer (0.1f is written 0.1). Keeps checkpoints small and their numbers exact.
 */
export function float32Decimal(value: number): number {
  const target = Math.fround(value);
  if (!Number.isFinite(target) || target === 0) return target;
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return Number(target.toPrecision(9));
}

/** The checkpoint's form of a model's parameters: plain numbers, float32-exact, shortest decimals. */
export function toCheckpointModel(named: NamedArrays): Record<string, { shape: number[]; values: number[] }> {
  return Object.fromEntries(
    Object.entries(named).map(([name, e]) => [
      name,
      { shape: [...e.shape], values: Array.from(e.values, float32Decimal) },
    ]),
  );
}

/** NamedArrays from the checkpoint's plain numbers (already validated by parseCheckpoint). */
export function fromCheckpointModel(
  model: Record<string, { shape: number[]; values: number[] }>,
): NamedArrays {
  return Object.fromEntries(
    Object.entries(model).map(([name, e]) => [
      name,
      { shape: [...e.shape], values: Float32Array.from(e.values) },
    ]),
  );
}

/**
 * Throws unless `got` has exactly the names and shapes of `expected`; `what` names the owner in
 * the message, e.g. "lsa's parameters".
 */
export function assertSameShapes(got: NamedArrays, expected: NamedArrays, what: string): void {
  const missing = Object.keys(expected).filter((name) => !(name in got));
  const extra = Object.keys(got).filter((name) => !(name in expected));
  if (missing.length > 0 || extra.length > 0) {
    throw new RangeError(
      `${what}: expected ${Object.keys(expected).join(", ")}; missing [${missing.join(", ")}], unexpected [${extra.join(", ")}]`,
    );
  }
  for (const [name, e] of Object.entries(expected)) {
    const g = got[name];
    if (g.shape.join(",") !== e.shape.join(",") || g.values.length !== sizeOf(e.shape)) {
      throw new RangeError(
        `${what}: ${name} has shape [${g.shape.join(", ")}] with ${g.values.length} values, expected [${e.shape.join(", ")}]`,
      );
    }
  }
}

/** A tf.Variable per entry, holding a copy of its values (tfjs names them; names are global). */
export function variablesFrom(tf: Tf, named: NamedArrays, trainable: boolean): Record<string, Variable> {
  return Object.fromEntries(
    Object.entries(named).map(([name, e]) => {
      const initial = tf.tensor(Float32Array.from(e.values), e.shape, "float32");
      const variable = tf.variable(initial, trainable);
      // The variable shares the tensor's data (counted by reference); the tensor itself is not needed.
      initial.dispose();
      return [name, variable];
    }),
  );
}

/** Overwrites each variable with the entry of the same name (shapes already checked). */
export function assignFrom(tf: Tf, variables: Record<string, Variable>, named: NamedArrays): void {
  tf.tidy(() => {
    for (const [name, variable] of Object.entries(variables)) {
      const e = named[name];
      variable.assign(tf.tensor(Float32Array.from(e.values), e.shape, "float32"));
    }
  });
}

/**
 * Reads groups of named tensors back with one async `data()` call (one GPU round trip however
 * many tensors), and cuts the result into NamedArrays per group.
 */
export async function readGroups(tf: Tf, groups: readonly Record<string, Tensor>[]): Promise<NamedArrays[]> {
  const entries = groups.flatMap((group) => Object.values(group));
  if (entries.length === 0) return groups.map(() => ({}));
  const packed = tf.tidy(() => tf.concat(entries.map((t) => tf.reshape(t, [-1]))));
  let flat: Float32Array;
  try {
    flat = (await packed.data()) as Float32Array;
  } finally {
    packed.dispose();
  }
  let offset = 0;
  return groups.map((group) =>
    Object.fromEntries(
      Object.entries(group).map(([name, t]) => {
        const values = flat.slice(offset, offset + t.size);
        offset += t.size;
        return [name, { shape: [...t.shape], values }];
      }),
    ),
  );
}
