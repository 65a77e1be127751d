#!/usr/bin/env python3
"""Golden fixtures for the Hopfield maths in src/core, computed independently with numpy.

Writes tests/golden/hopfield.json. Run with `python3 scripts/golden_hopfield.py` (python3 +
numpy). The TypeScript tests read the JSON and need no Python.

Modern Hopfield network (Ramsauer et al. 2020). Patterns x_1..x_N are the columns of
X [d, N] (stored here as rows, [N, d]); one update of a state xi is xi_new = X softmax(beta X^T xi)
and the energy is

    E(xi) = -lse(beta, X^T xi) + 0.5 xi^T xi + log(N) / beta + 0.5 M^2,
    lse(beta, z) = log(sum_i exp(beta z_i)) / beta,   M = max_i ||x_i||.

Here lse is computed the textbook way (shifted by the maximum, in float64), not with the
expm1/log1p form the TypeScript uses, so the two implementations differ in more than syntax.

Attention equivalence: with W_Q = W_K = W_V = I (d x d), tokens [xi; x_1; ...; x_N] and token 0
hidden as a key, row 0 of softmax(Q K^T / sqrt(d)) V is one update with beta = 1/sqrt(d).

Classical Hopfield network (Hopfield 1982): W = sum_i x_i x_i^T with zero diagonal, one
synchronous step xi_new = sign(W xi), with sign(0) = +1.

Recall: for a fixed set of random +-1 patterns and their corrupted queries (written into the
JSON, so the TypeScript needs numpy's RNG for nothing), whether sign(one update) equals the
query's own pattern exactly, for the modern rule at several beta and for the classical rule.

Inputs are rounded to 6 decimals before anything is computed; outputs keep 12 significant digits.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "golden" / "hopfield.json"
SIGNIFICANT_DIGITS = 12


def exact(values: np.ndarray) -> np.ndarray:
    return np.vectorize(lambda v: float(f"{v:.6f}"))(values)


def encode(value):
    if isinstance(value, np.ndarray):
        return [encode(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"cannot encode {value}")
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return float(f"{value:.{SIGNIFICANT_DIGITS}g}")
    if isinstance(value, np.integer):
        return int(value)
    return value


# --- reference maths -------------------------------------------------------------------------


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()


def lse(beta: float, z: np.ndarray) -> float:
    top = z.max()
    return top + math.log(np.exp(beta * (z - top)).sum()) / beta


def energy(patterns: np.ndarray, xi: np.ndarray, beta: float) -> float:
    n = patterns.shape[0]
    big_m = max(np.linalg.norm(x) for x in patterns)
    return -lse(beta, patterns @ xi) + 0.5 * xi @ xi + math.log(n) / beta + 0.5 * big_m**2


def retrieve(patterns: np.ndarray, states: np.ndarray, beta: float, steps: int) -> dict:
    """Each state (a row) updated on its own, column-vector style, as in the paper."""
    big_x = patterns.T  # [d, N], the patterns as columns
    trajectories, weight_steps = [], []
    energies = np.zeros((states.shape[0], steps + 1))
    for row, xi in enumerate(states):
        xi = xi.copy()
        energies[row, 0] = energy(patterns, xi, beta)
        path, weights = [], []
        for t in range(steps):
            p = softmax(beta * (big_x.T @ xi))
            xi = big_x @ p
            path.append(xi)
            weights.append(p)
            energies[row, t + 1] = energy(patterns, xi, beta)
        trajectories.append(path)
        weight_steps.append(weights)
    return {
        "states": [np.array([trajectories[r][t] for r in range(len(states))]) for t in range(steps)],
        "weights": [np.array([weight_steps[r][t] for r in range(len(states))]) for t in range(steps)],
        "energies": energies,
    }


def attention_identity(tokens: np.ndarray, masked_key: int) -> np.ndarray:
    d = tokens.shape[1]
    q = k = v = tokens @ np.eye(d)
    scores = q @ k.T / math.sqrt(d)
    scores[:, masked_key] = -np.inf
    weights = np.stack([softmax(s) for s in scores])
    return weights @ v


def sign_plus(values: np.ndarray) -> np.ndarray:
    return np.where(values >= 0, 1.0, -1.0)


def hebbian(patterns: np.ndarray) -> np.ndarray:
    w = np.einsum("ia,ib->ab", patterns, patterns)
    np.fill_diagonal(w, 0.0)
    return w


# --- cases -----------------------------------------------------------------------------------


def retrieve_case(name, seed, n, d, m, beta, steps, scale=1.0):
    rng = np.random.default_rng(seed)
    patterns = exact(rng.normal(size=(n, d)) * scale)
    states = exact(rng.normal(size=(m, d)) * scale)
    out = retrieve(patterns, states, beta, steps)
    for row in out["energies"]:
        assert np.all(np.diff(row) <= 1e-12), f"{name}: energy rose"
    case = {"name": name, "seed": seed, "beta": beta, "steps": steps, "patterns": patterns, "states0": states}
    case.update(out)
    return case


def retrieve_cases() -> list[dict]:
    return [
        retrieve_case("beta 0.1, 3 steps", 1, n=5, d=8, m=3, beta=0.1, steps=3),
        retrieve_case("beta 1, 4 steps", 2, n=5, d=8, m=3, beta=1.0, steps=4),
        retrieve_case("beta 8, 2 steps", 3, n=6, d=4, m=2, beta=8.0, steps=2),
        retrieve_case("beta 0.01, 1 step", 4, n=4, d=6, m=2, beta=0.01, steps=1),
        retrieve_case("N=1, 2 steps", 5, n=1, d=3, m=2, beta=2.0, steps=2),
        retrieve_case("wide patterns, beta 20", 6, n=7, d=10, m=4, beta=20.0, steps=3, scale=2.0),
        retrieve_case("0 steps", 7, n=3, d=5, m=2, beta=0.5, steps=0),
    ]


def equivalence_case(seed: int, n: int, d: int) -> dict:
    rng = np.random.default_rng(seed)
    patterns = exact(rng.normal(size=(n, d)))
    xi = exact(rng.normal(size=(1, d)))
    tokens = np.vstack([xi, patterns])
    attention_row = attention_identity(tokens, masked_key=0)[0]
    beta = 1.0 / math.sqrt(d)
    hopfield_row = retrieve(patterns, xi, beta, 1)["states"][0][0]
    assert np.allclose(attention_row, hopfield_row, rtol=0, atol=1e-14)
    return {"seed": seed, "patterns": patterns, "xi": xi, "beta": beta, "attentionOut": attention_row, "update": hopfield_row}


def classical_case(seed: int, n: int, d: int, m: int) -> dict:
    rng = np.random.default_rng(seed)
    patterns = rng.choice([-1.0, 1.0], size=(n, d))
    states = rng.choice([-1.0, 1.0], size=(m, d))
    w = hebbian(patterns)
    fields = states @ w.T
    return {"seed": seed, "patterns": patterns, "states": states, "weights": w, "next": sign_plus(fields), "hadTie": bool((fields == 0).any())}


def recall_case(seed: int, n: int, d: int, flips: int, betas: list[float]) -> dict:
    rng = np.random.default_rng(seed)
    patterns = rng.choice([-1.0, 1.0], size=(n, d))
    queries = patterns.copy()
    for k in range(n):
        queries[k, rng.choice(d, size=flips, replace=False)] *= -1
    modern = {}
    for beta in betas:
        updated = retrieve(patterns, queries, beta, 1)["states"][0]
        modern[str(beta)] = [bool(np.array_equal(sign_plus(updated[k]), patterns[k])) for k in range(n)]
    classical_next = sign_plus(queries @ hebbian(patterns).T)
    classical = [bool(np.array_equal(classical_next[k], patterns[k])) for k in range(n)]
    return {"seed": seed, "flips": flips, "patterns": patterns, "queries": queries, "modern": modern, "classical": classical}


def main() -> None:
    classical = [classical_case(21, n=3, d=8, m=4), classical_case(22, n=2, d=6, m=3)]
    assert any(c["hadTie"] for c in classical), "want a case where sign(0) = +1 matters"
    recall = [
        recall_case(31, n=4, d=25, flips=3, betas=[0.02, 0.08, 1.0]),
        recall_case(32, n=12, d=25, flips=3, betas=[0.02, 0.08, 1.0]),
        recall_case(33, n=20, d=49, flips=5, betas=[0.05, 0.08, 1.0]),
    ]
    assert not all(recall[1]["classical"]), "past 0.14 d the classical rule should fail somewhere"
    doc = {
        "generator": "scripts/golden_hopfield.py",
        "numpy": np.__version__,
        "description": "Modern Hopfield updates X softmax(beta X^T xi) with energies (Ramsauer et al. 2020); the same "
        "update as attention with identity maps and beta = 1/sqrt(d); the classical sign(W xi) rule with Hebbian W "
        "(zero diagonal, sign(0) = +1); one-step exact recall of corrupted +-1 patterns under both rules.",
        "retrieve": [{k: encode(v) for k, v in c.items()} for c in retrieve_cases()],
        "equivalence": [{k: encode(v) for k, v in equivalence_case(s, n, d).items()} for s, n, d in [(41, 5, 4), (42, 8, 9)]],
        "classical": [{k: encode(v) for k, v in c.items()} for c in classical],
        "recall": [{k: encode(v) for k, v in c.items()} for c in recall],
    }
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1024:.1f} KiB)")


if __name__ == "__main__":
    main()
