#!/usr/bin/env python3
"""Golden fixtures for src/core/bilinear.ts, computed independently with numpy.

Writes tests/golden/bilinear.json. Run with `python3 scripts/golden_bilinear.py` (python3 +
numpy). Each case expands one attention score s_ij into its bilinear terms
x_i[a] * M[a, b] * x_j[b] with M = W_Q W_K^T / sqrt(d_k), and also records the score taken from
the full score matrix Q K^T / sqrt(d_k), so the test can check both against the TypeScript code.
Fixed-layer cases expand one pre-activation z = sum_a A[unit, a] * x[a].

Inputs are rounded to 6 decimals before anything is computed; outputs keep 12 significant digits.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "golden" / "bilinear.json"
SIGNIFICANT_DIGITS = 12


def exact(values: np.ndarray) -> np.ndarray:
    return np.vectorize(lambda v: float(f"{v:.6f}"))(values)


def encode(value):
    if isinstance(value, np.ndarray):
        return [encode(v) for v in value.tolist()]
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return float(f"{value:.{SIGNIFICANT_DIGITS}g}")
    return value


def bilinear_case(name: str, seed: int, n: int, d_model: int, d_k: int, i: int, j: int) -> dict:
    rng = np.random.default_rng(seed)
    x = exact(rng.uniform(-1.5, 1.5, size=(n, d_model)))
    wq = exact(rng.normal(size=(d_model, d_k)))
    wk = exact(rng.normal(size=(d_model, d_k)))
    scale = 1.0 / math.sqrt(d_k)
    m = np.einsum("ak,bk->ab", wq, wk) * scale
    terms = np.outer(x[i], x[j]) * m
    scores = (x @ wq) @ (x @ wk).T * scale
    return {
        "name": name,
        "seed": seed,
        "x": x,
        "wq": wq,
        "wk": wk,
        "i": i,
        "j": j,
        "scale": scale,
        "m": m,
        "terms": terms,
        "sum": float(terms.sum()),
        "score": float(scores[i, j]),
    }


def linear_case(name: str, seed: int, d_in: int, units: int, unit: int) -> dict:
    rng = np.random.default_rng(seed)
    x = exact(rng.uniform(-1.5, 1.5, size=d_in))
    a = exact(rng.normal(size=(units, d_in)))
    terms = a[unit] * x
    return {"name": name, "seed": seed, "x": x, "a": a, "unit": unit, "terms": terms, "sum": float((x @ a.T)[unit])}


def main() -> None:
    bilinear = [
        bilinear_case("d_model=2, i≠j", 21, n=4, d_model=2, d_k=2, i=1, j=3),
        bilinear_case("d_model=2, i=j", 22, n=3, d_model=2, d_k=2, i=2, j=2),
        bilinear_case("d_model=3, d_k=2", 23, n=5, d_model=3, d_k=2, i=4, j=0),
        bilinear_case("d_model=4, d_k=5", 24, n=2, d_model=4, d_k=5, i=0, j=1),
    ]
    linear = [
        linear_case("d_in=2, 6 units", 31, d_in=2, units=6, unit=3),
        linear_case("d_in=3, 4 units", 32, d_in=3, units=4, unit=0),
    ]
    doc = {
        "generator": "scripts/golden_bilinear.py",
        "numpy": np.__version__,
        "description": "Attention scores as bilinear sums x_i[a] M[a,b] x_j[b], M = W_Q W_K^T scale; fixed-layer pre-activations as sums A[unit,a] x[a].",
        "bilinear": [{k: encode(v) for k, v in case.items()} for case in bilinear],
        "linear": [{k: encode(v) for k, v in case.items()} for case in linear],
    }
    OUT.write_text(json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(bilinear)} bilinear, {len(linear)} linear cases)")


if __name__ == "__main__":
    main()
