#!/usr/bin/env python3
"""Golden fixtures for src/core/gradientDescent.ts and src/core/linearSelfAttention.ts, with numpy.

Writes tests/golden/gradientDescent.json. Run with `python3 scripts/golden_gd.py` (python3 + numpy;
the TypeScript tests read the JSON and need no Python).

Independent of the TypeScript: this script follows von Oswald et al. (2023) literally, in their
column-vector convention. A token is a column e = (x, y) of length D = d + d_y; a linear
self-attention layer updates every token e_j, context and queries alike, by

    e_j <- e_j + P sum_{i <= N} (W_V e_i) (W_K e_i)^T (W_Q e_j)

with keys and values from the N context tokens only. The construction (their Proposition 1 with
W_0 = 0) is W_K = W_Q = [[I_d, 0], [0, 0]], W_V = [[0, 0], [0, -I_{d_y}]], P = (eta / N) I.
Gradient descent: L(W) = 1/(2N) sum_i |W x_i - y_i|^2, W <- W - eta (1/N) sum_i (W x_i - y_i) x_i^T
from W = 0, with W [d_y, d].

src/core uses row vectors (tokens are rows, q = e W_Q), so every matrix is stored here as the
transpose of the paper's: weights W [d, d_y], layer matrices W^T, and the fast weights
F = (P sum_i v_i k_i^T W_Q)^T, for which the row-vector layer is e <- e (I + F).
The effective weights of a stack are -[(I + F_1) ... (I + F_L)][:d, d:], shape [d, d_y].

Inputs are rounded to 6 decimals before anything is computed; outputs keep 12 significant digits.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "golden" / "gradientDescent.json"
SIGNIFICANT_DIGITS = 12
STEPS = 4
QUERIES = 4


def exact(values: np.ndarray) -> np.ndarray:
    """Rounded so that the JSON's decimal form parses back to exactly these doubles."""
    return np.vectorize(lambda v: float(f"{v:.6f}"))(values)


def encode(value):
    if isinstance(value, np.ndarray):
        return [encode(v) for v in value.tolist()]
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {key: encode(v) for key, v in value.items()}
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if not np.isfinite(value):
            raise ValueError(f"cannot encode {value}")
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return float(f"{value:.{SIGNIFICANT_DIGITS}g}")
    return value


# --- reference maths, column vectors as in the paper ------------------------------------------


def gradient_descent(xs, ys, eta, steps):
    """W_k [d_y, d] for k = 1..steps, and the loss after each step; xs [N, d], ys [N, d_y]."""
    n, d = xs.shape
    w = np.zeros((ys.shape[1], d))
    weights, losses = [], []
    for _ in range(steps):
        residuals = np.einsum("ba,ia->ib", w, xs) - ys  # W x_i - y_i
        w = w - eta * np.einsum("ib,ia->ba", residuals, xs) / n
        weights.append(w.copy())
        losses.append(0.5 * np.sum((xs @ w.T - ys) ** 2) / n)
    return weights, losses


def constructed_layer(d, d_y, eta, n):
    size = d + d_y
    wk = np.zeros((size, size))
    wk[:d, :d] = np.eye(d)
    wv = np.zeros((size, size))
    wv[d:, d:] = -np.eye(d_y)
    return {"wk": wk, "wq": wk.copy(), "wv": wv, "projection": eta / n * np.eye(size)}


def lsa_forward(xs, ys, queries, layers):
    """Predictions -y_q after each layer and each layer's fast weights (paper's orientation)."""
    n, d = xs.shape
    context = np.concatenate([xs, ys], axis=1).T  # [D, N]
    query_tokens = np.concatenate([queries, np.zeros((len(queries), ys.shape[1]))], axis=1).T
    tokens = np.concatenate([context, query_tokens], axis=1)  # [D, N + M], one column per token
    predictions, fast = [], []
    for layer in layers:
        keys = layer["wk"] @ tokens[:, :n]
        values = layer["wv"] @ tokens[:, :n]
        update = np.zeros_like(tokens)
        for j in range(tokens.shape[1]):
            q = layer["wq"] @ tokens[:, j]
            for i in range(n):
                update[:, j] += layer["projection"] @ values[:, i] * (keys[:, i] @ q)
        tokens = tokens + update
        fast.append(layer["projection"] @ values @ keys.T @ layer["wq"])
        predictions.append(-tokens[d:, n:].T)
    return predictions, fast, tokens.T


def effective_weights(fast_row, d):
    through = np.eye(fast_row[0].shape[0])
    for f in fast_row:
        through = through @ (np.eye(len(f)) + f)
    return -through[:d, d:]


# --- cases -------------------------------------------------------------------------------------


def task(seed, d, d_y, n):
    """A noisy linear task: x ~ U(-1, 1)^d, y = W* x + noise."""
    rng = np.random.default_rng(seed)
    w_true = rng.normal(size=(d_y, d)) / np.sqrt(d)
    xs = exact(rng.uniform(-1.0, 1.0, size=(n, d)))
    ys = exact(xs @ w_true.T + 0.1 * rng.normal(size=(n, d_y)))
    queries = exact(rng.uniform(-1.0, 1.0, size=(QUERIES, d)))
    return xs, ys, queries


def construction_case(seed, d, d_y, eta, n=10):
    xs, ys, queries = task(seed, d, d_y, n)
    gd_weights, losses = gradient_descent(xs, ys, eta, STEPS)
    layer = constructed_layer(d, d_y, eta, n)
    predictions, fast, tokens = lsa_forward(xs, ys, queries, [layer] * STEPS)
    fast_row = [f.T for f in fast]
    effective = [effective_weights(fast_row[: k + 1], d) for k in range(STEPS)]
    for k in range(STEPS):
        # The theorem, checked here too: K layers equal K steps.
        assert np.allclose(predictions[k], queries @ gd_weights[k].T, atol=1e-12)
        assert np.allclose(effective[k], gd_weights[k].T, atol=1e-12)
    # The context tokens carry the residuals y_i - W_K x_i after the last layer.
    assert np.allclose(tokens[:n, d:], ys - xs @ gd_weights[-1].T, atol=1e-12)
    return {
        "name": f"construction d={d}, d_y={d_y}, N={n}, eta={eta}",
        "kind": "construction",
        "seed": seed,
        "eta": eta,
        "xs": xs,
        "ys": ys,
        "queries": queries,
        "layers": [{key: m.T for key, m in layer.items()}],
        "gdWeights": [w.T for w in gd_weights],
        "gdPredictions": [queries @ w.T for w in gd_weights],
        "losses": losses,
        "initialLoss": 0.5 * np.sum(ys**2) / n,
        "lsaPredictions": predictions,
        "fastWeights": fast_row,
        "effectiveWeights": effective,
        "tokens": tokens,
    }


def random_layers_case(seed, d, d_y, layers, n=6):
    """General (not constructed) layers, so lsaForward is tested beyond the construction.

    Entries ~ N(0, 0.25 / D): each layer is cubic in the tokens, so larger ones blow the tokens up
    within three layers, and float32 (the tfjs tests reuse these cases) would lose the digits.
    """
    xs, ys, queries = task(seed, d, d_y, n)
    rng = np.random.default_rng(seed + 1000)
    size = d + d_y
    stack = [
        {key: exact(rng.normal(size=(size, size)) * 0.5 / np.sqrt(size)) for key in ("wk", "wq", "wv", "projection")}
        for _ in range(layers)
    ]
    predictions, fast, tokens = lsa_forward(xs, ys, queries, stack)
    fast_row = [f.T for f in fast]
    effective = effective_weights(fast_row, d)
    # The stack is linear in the query: its readout is x_q W_eff.
    assert np.allclose(predictions[-1], queries @ effective, atol=1e-10)
    return {
        "name": f"random layers d={d}, d_y={d_y}, N={n}, L={layers}",
        "kind": "random",
        "seed": seed,
        "xs": xs,
        "ys": ys,
        "queries": queries,
        "layers": [{key: m.T for key, m in layer.items()} for layer in stack],
        "lsaPredictions": predictions,
        "fastWeights": fast_row,
        "effectiveWeights": [effective],
        "tokens": tokens,
    }


def main() -> None:
    cases = []
    seed = 100
    for d in (1, 3, 10):
        for eta in (0.1, 0.5, 1.0):
            cases.append(construction_case(seed, d, 1, eta))
            seed += 1
    cases.append(construction_case(seed, 3, 2, 0.7))
    cases.append(construction_case(seed + 1, 2, 1, 0.3, n=1))
    cases.append(random_layers_case(seed + 2, 2, 1, 1))
    cases.append(random_layers_case(seed + 3, 3, 2, 3))
    doc = {
        "generator": "scripts/golden_gd.py",
        "numpy": np.__version__,
        "description": (
            "In-context linear regression: K gradient steps from W = 0 versus K constructed linear self-attention "
            "layers (von Oswald et al. 2023), plus general random layers. Row-vector convention (see the script)."
        ),
        "cases": [encode(case) for case in cases],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1024:.1f} KiB, {len(cases)} cases)")


if __name__ == "__main__":
    main()
