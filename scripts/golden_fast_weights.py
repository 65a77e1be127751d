#!/usr/bin/env python3
"""Golden fixtures for src/core/fastWeights.ts, fastWeightMemory.ts and memoryCapacity.ts.

Writes tests/golden/fastWeights.json, computed independently with numpy (python3 + numpy, e.g.
Debian's python3-numpy). The TypeScript tests read the JSON and need no Python.

Conventions (the same as src/core): tokens are rows; Q, K [n, d_k], V [n, d_v].
  phi(x) = x (identity) or elu(x) + 1 = where(x > 0, x + 1, exp(x)) (elu1).
  Causal linear attention, matrix form: S = tril(phi(Q) phi(K)^T), z = S.sum(axis=1),
    weights = S / z[:, None] when normalising (a zero z gives a zero row), out = weights V.
  Fast weights, loop form: W_{-1} = 0; recalled_t = W phi(k_t); written_t = v_t (sum) or
    beta (v_t - recalled_t) (delta); W += outer(written_t, phi(k_t)); read_t = W phi(q_t),
    divided by (sum_{i<=t} phi(k_i)) . phi(q_t) when normalising.
  Capacity: store the first N (key, value) pairs with phi = identity, no normalisation, read every
    stored key back; error(N) = mean_i ||W_N k_i - v_i||.

The script asserts the equivalence it is about: for the sum rule the loop's reads equal the matrix
form's output. Inputs are rounded to 6 decimals before anything is computed, so the JSON holds
exactly the inputs the numbers came from; outputs keep 12 significant digits. Tests compare with
|actual - expected| <= 1e-9 * max(1, |expected|).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "golden" / "fastWeights.json"
SIGNIFICANT_DIGITS = 12
INPUT_DECIMALS = 6


def phi(x: np.ndarray, feature_map: str) -> np.ndarray:
    if feature_map == "identity":
        return x.copy()
    if feature_map == "elu1":
        return np.where(x > 0, x + 1.0, np.exp(np.minimum(x, 0.0)))
    raise ValueError(feature_map)


def causal_linear_attention(q, k, v, feature_map, normalise):
    scores = np.tril(phi(q, feature_map) @ phi(k, feature_map).T)
    normalisers = scores.sum(axis=1)
    if normalise:
        scale = np.divide(1.0, normalisers, out=np.zeros_like(normalisers), where=normalisers != 0)
        weights = scores * scale[:, None]
    else:
        weights = scores
    return {"scores": scores, "normalisers": normalisers[:, None], "weights": weights, "out": weights @ v}


def fast_weight_memory(q, k, v, feature_map, normalise, rule, beta):
    pq, pk = phi(q, feature_map), phi(k, feature_map)
    n, d_v = v.shape
    w = np.zeros((d_v, k.shape[1]))
    memories, updates, recalled, written, reads, normalisers = [], [], [], [], [], []
    for t in range(n):
        r = w @ pk[t]
        write = v[t] if rule == "sum" else beta * (v[t] - r)
        update = np.outer(write, pk[t])
        w = w + update
        z = pk[: t + 1].sum(axis=0) @ pq[t]
        read = w @ pq[t]
        if normalise:
            read = read / z if z != 0 else np.zeros_like(read)
        recalled.append(r)
        written.append(write)
        updates.append(update)
        memories.append(w.copy())
        normalisers.append([z])
        reads.append(read)
    return {
        "recalled": np.array(recalled),
        "written": np.array(written),
        "updates": np.array(updates),
        "memories": np.array(memories),
        "memoryNormalisers": np.array(normalisers),
        "reads": np.array(reads),
    }


def retrieval_errors(keys, values, rule, beta):
    """error(N) for N = 1..len(keys), recomputing W_N from scratch for each N (no shared loop)."""
    errors = []
    for count in range(1, len(keys) + 1):
        w = np.zeros((values.shape[1], keys.shape[1]))
        for key, value in zip(keys[:count], values[:count]):
            write = value if rule == "sum" else beta * (value - w @ key)
            w = w + np.outer(write, key)
        errors.append(np.linalg.norm(keys[:count] @ w.T - values[:count], axis=1).mean())
    return np.array(errors)


def unit_rows(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def rounded(x: np.ndarray) -> np.ndarray:
    return np.round(x, INPUT_DECIMALS)


def encode(value):
    if isinstance(value, np.ndarray):
        return encode(value.tolist())
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {key: encode(val) for key, val in value.items()}
    if isinstance(value, float):
        if not np.isfinite(value):
            raise ValueError(f"cannot encode {value}")
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return float(f"{value:.{SIGNIFICANT_DIGITS}g}")
    return value


def sequence_case(name, seed, n, d_k, d_v, feature_map, normalise, rule, beta, q=None, k=None, v=None):
    rng = np.random.default_rng(seed)
    q = rounded(rng.normal(size=(n, d_k)) if q is None else np.asarray(q, float))
    k = rounded(rng.normal(size=(n, d_k)) if k is None else np.asarray(k, float))
    v = rounded(rng.normal(size=(n, d_v)) if v is None else np.asarray(v, float))
    case = {"kind": "sequence", "name": name, "featureMap": feature_map, "normalise": normalise}
    case |= {"rule": rule, "beta": beta, "q": q, "k": k, "v": v}
    case |= fast_weight_memory(q, k, v, feature_map, normalise, rule, beta)
    if rule == "sum":
        attention = causal_linear_attention(q, k, v, feature_map, normalise)
        # The equivalence this file exists for, checked here independently of the TypeScript.
        assert np.allclose(case["reads"], attention["out"], rtol=1e-12, atol=1e-12), name
        assert np.allclose(case["memoryNormalisers"], attention["normalisers"], rtol=1e-12, atol=1e-12), name
        case |= attention
    return case


def capacity_case(name, seed, d, count, rules):
    rng = np.random.default_rng(seed)
    # First d keys: a random orthonormal basis (QR of a Gaussian matrix); later keys random unit.
    basis, _ = np.linalg.qr(rng.normal(size=(d, d)))
    keys = np.vstack([basis.T[: min(d, count)], unit_rows(rng.normal(size=(max(0, count - d), d)))])
    keys = rounded(keys)
    values = rounded(unit_rows(rng.normal(size=(count, d))))
    case = {"kind": "capacity", "name": name, "d": d, "keys": keys, "values": values}
    case["errors"] = [{"rule": rule, "beta": beta, "errors": retrieval_errors(keys, values, rule, beta)} for rule, beta in rules]
    return case


def main() -> None:
    e1, e2 = [1.0, 0.0], [0.0, 1.0]
    a, b, c = [1.0, 2.0], [-1.0, 0.5], [3.0, -1.0]
    overwrite = {"q": [e1, e1, e1], "k": [e1, e2, e1], "v": [a, b, c]}
    cases = [
        sequence_case("identity, unnormalised", 1, 6, 3, 2, "identity", False, "sum", 1.0),
        sequence_case("identity, normalised", 2, 5, 4, 3, "identity", True, "sum", 1.0),
        sequence_case("elu+1, unnormalised", 3, 7, 4, 4, "elu1", False, "sum", 1.0),
        sequence_case("elu+1, normalised", 4, 8, 3, 5, "elu1", True, "sum", 1.0),
        sequence_case("one token", 5, 1, 2, 2, "elu1", True, "sum", 1.0),
        sequence_case("overwrite: sum rule", 0, 3, 2, 2, "identity", False, "sum", 1.0, **overwrite),
        sequence_case("overwrite: delta rule, beta 1", 0, 3, 2, 2, "identity", False, "delta", 1.0, **overwrite),
        sequence_case("overwrite: delta rule, beta 0.5", 0, 3, 2, 2, "identity", False, "delta", 0.5, **overwrite),
        sequence_case("delta rule, elu+1, normalised, beta 0.7", 6, 6, 3, 3, "elu1", True, "delta", 0.7),
    ]
    # The overwrite facts the essay states, checked here too.
    reads = {case["name"]: case["reads"][-1] for case in cases}
    assert np.allclose(reads["overwrite: sum rule"], np.add(a, c))
    assert np.allclose(reads["overwrite: delta rule, beta 1"], c)
    assert np.allclose(reads["overwrite: delta rule, beta 0.5"], 0.25 * np.array(a) + 0.5 * np.array(c))
    cases.append(capacity_case("capacity, d = 4", 7, 4, 12, [("sum", 1.0), ("delta", 1.0), ("delta", 0.5)]))
    cases.append(capacity_case("capacity, d = 8", 8, 8, 20, [("sum", 1.0), ("delta", 1.0)]))
    doc = {
        "generator": "scripts/golden_fast_weights.py",
        "numpy": np.__version__,
        "description": "Causal linear attention, fast weight memories (sum and delta rules) and retrieval error by N.",
        "encoding": "Matrices are nested row arrays; updates and memories are lists of [d_v, d_k] matrices, one per token.",
        "cases": [encode(case) for case in cases],
    }
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1024:.1f} KiB, {len(cases)} cases)")


if __name__ == "__main__":
    main()
