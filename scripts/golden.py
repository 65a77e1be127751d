#!/usr/bin/env python3
"""Golden fixtures for src/core, computed independently with numpy.

Writes tests/golden/attention.json and tests/golden/mlp.json. Run with `npm run golden`
(python3 + numpy; Debian's python3-numpy is enough). The TypeScript tests read the JSON and
need no Python.

Conventions (the same as src/core): tokens are the rows of X [n, d_model]; Q = X W_Q,
K = X W_K, V = X W_V; scores = Q K^T / sqrt(d_k) (no division when scale is false), with -inf
above the diagonal when causal and in the column of every masked key; weights = softmax of
scores / tau over each row (attention's choice), each column, or the whole matrix; out = weights V.
MLP: out = act(X A^T) B^T.

JSON cannot hold -Infinity, so masked score entries are written as null. Inputs are rounded to
6 decimal places *before* anything is computed, so the JSON holds exactly the inputs the
expected numbers came from. Outputs are written with 12 significant digits (relative rounding
error <= 5e-13, well inside the tests' tolerance |actual - expected| <= 1e-9 * max(1, |expected|)),
which keeps the files under 200 KB.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "tests" / "golden"
SIGNIFICANT_DIGITS = 12
INPUT_DECIMALS = 6


# --- reference maths -------------------------------------------------------------------------


def softmax_group(z: np.ndarray) -> np.ndarray:
    """Softmax of a 1-D group via log-sum-exp; -inf entries get 0, an all -inf group all zeros."""
    finite = np.isfinite(z)
    if not finite.any():
        return np.zeros_like(z)
    shift = z[finite].max()
    log_norm = shift + np.log(np.sum(np.exp(z[finite] - shift)))
    return np.where(finite, np.exp(np.where(finite, z, 0.0) - log_norm), 0.0)


def softmax(logits: np.ndarray, normalisation: str) -> np.ndarray:
    """Softmax over each row, each column, or the whole matrix at once."""
    if normalisation == "rows":
        return np.stack([softmax_group(z) for z in logits])
    if normalisation == "columns":
        return softmax(logits.T, "rows").T
    if normalisation == "all":
        return softmax_group(logits.ravel()).reshape(logits.shape)
    raise ValueError(normalisation)


def attention(x, wq, wk, wv, causal=False, temperature=1.0, normalisation="rows", masked_keys=None, scale=True):
    q, k, v = x @ wq, x @ wk, x @ wv
    scores = np.einsum("id,jd->ij", q, k)
    if scale:
        scores = scores / math.sqrt(k.shape[1])
    if causal:
        scores[np.triu(np.ones_like(scores, dtype=bool), k=1)] = -np.inf
    if masked_keys is not None:
        scores[:, np.asarray(masked_keys, dtype=bool)] = -np.inf
    weights = softmax(scores / temperature, normalisation)
    return {"q": q, "k": k, "v": v, "scores": scores, "weights": weights, "out": weights @ v}


def activation(name: str, z: np.ndarray) -> np.ndarray:
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "tanh":
        return np.tanh(z)
    if name == "gelu":  # tanh approximation, Hendrycks & Gimpel (2016)
        return 0.5 * z * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (z + 0.044715 * z**3)))
    raise ValueError(name)


def mlp(x, a, b, act):
    pre = x @ a.T
    hidden = activation(act, pre)
    return {"preActivations": pre, "hidden": hidden, "out": hidden @ b.T}


# --- encoding --------------------------------------------------------------------------------


def encode(value):
    """Nested lists of numbers; -inf becomes null (JSON has no infinities)."""
    if isinstance(value, np.ndarray):
        return [encode(v) for v in value.tolist()]
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, float):
        if value == -math.inf:
            return None
        if not math.isfinite(value):
            raise ValueError(f"cannot encode {value}")
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return float(f"{value:.{SIGNIFICANT_DIGITS}g}")
    return value


def write(name: str, description: str, cases: list[dict]) -> None:
    doc = {
        "generator": "scripts/golden.py",
        "numpy": np.__version__,
        "description": description,
        "encoding": "Matrices are nested row arrays. In `scores`, null stands for -Infinity (a masked entry).",
        "cases": [{key: encode(val) for key, val in case.items()} for case in cases],
    }
    path = OUT_DIR / name
    path.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size / 1024:.1f} KiB, {len(cases)} cases)")


# --- cases -----------------------------------------------------------------------------------


def exact_input(values: np.ndarray) -> np.ndarray:
    """Rounded so that its decimal form in the JSON parses back to exactly these doubles."""
    # Parsing the decimal string gives the double nearest to it, which is what JSON.parse gets.
    return np.vectorize(lambda v: float(f"{v:.{INPUT_DECIMALS}f}"))(values)


def attention_case(
    name,
    seed,
    n,
    d_model,
    d_k,
    d_v,
    causal=False,
    temperature=1.0,
    x_scale=1.0,
    w_scale=1.0,
    near_tie=False,
    normalisation="rows",
    masked_keys=None,
    scale=True,
):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1.0, 1.0, size=(n, d_model)) * x_scale
    if near_tie:
        # Token 1 almost repeats token 0, so huge scores still leave a split (not one-hot) row.
        x[1] = x[0] * 1.0001
    x = exact_input(x)
    wq = exact_input(rng.normal(size=(d_model, d_k)) * w_scale)
    wk = exact_input(rng.normal(size=(d_model, d_k)) * w_scale)
    wv = exact_input(rng.normal(size=(d_model, d_v)))
    keys = [False] * n if masked_keys is None else list(masked_keys)
    result = attention(
        x, wq, wk, wv, causal=causal, temperature=temperature, normalisation=normalisation, masked_keys=keys, scale=scale
    )
    case = {"name": name, "seed": seed, "causal": causal, "temperature": temperature}
    case.update({"normalisation": normalisation, "maskedKeys": keys, "scale": scale})
    case.update({"x": x, "wq": wq, "wk": wk, "wv": wv})
    case.update(result)
    return case


def attention_cases() -> list[dict]:
    cases = [
        attention_case("n=1", 1, n=1, d_model=2, d_k=2, d_v=2),
        attention_case("n=3, d_model=2", 2, n=3, d_model=2, d_k=2, d_v=2),
        attention_case("n=8, d_model=4, d_k=3, d_v=5", 3, n=8, d_model=4, d_k=3, d_v=5),
        attention_case("n=64, d_model=2", 4, n=64, d_model=2, d_k=2, d_v=2),
        attention_case("causal, n=6", 5, n=6, d_model=3, d_k=2, d_v=3, causal=True),
        attention_case("temperature 0.5", 6, n=5, d_model=2, d_k=2, d_v=2, temperature=0.5),
        attention_case("temperature 3", 6, n=5, d_model=2, d_k=2, d_v=2, temperature=3.0),
        attention_case("causal, temperature 0.5", 7, n=4, d_model=2, d_k=2, d_v=2, causal=True, temperature=0.5),
        # Scores of order 1e3: exp(1e3) overflows a float64, so only a stable softmax survives.
        attention_case("large logits", 8, n=6, d_model=2, d_k=2, d_v=2, x_scale=30.0, w_scale=2.0, near_tie=True),
    ]
    cases += [
        attention_case("columns", 9, n=5, d_model=2, d_k=2, d_v=2, normalisation="columns"),
        attention_case("all", 10, n=5, d_model=3, d_k=2, d_v=2, normalisation="all", temperature=0.5),
        attention_case("causal columns", 11, n=4, d_model=2, d_k=2, d_v=2, normalisation="columns", causal=True),
        attention_case("masked keys", 12, n=6, d_model=2, d_k=2, d_v=3, masked_keys=[False, True, False, False, True, False]),
        # Causal and key 0 masked: row 0 has no key left and must be all zeros, not NaN.
        attention_case("causal, key 0 masked", 13, n=4, d_model=2, d_k=2, d_v=2, causal=True, masked_keys=[True, False, False, False]),
        attention_case("every key masked", 14, n=3, d_model=2, d_k=2, d_v=2, masked_keys=[True, True, True]),
        attention_case("unscaled, d_k=4", 15, n=5, d_model=3, d_k=4, d_v=2, scale=False),
    ]
    large = cases[8]
    assert large["name"] == "large logits"
    assert not cases[-3]["weights"][0].any() and cases[-3]["weights"][1:].sum(axis=1).round(12).tolist() == [1, 1, 1]
    for name in ("columns", "causal columns"):
        columns = next(c for c in cases if c["name"] == name)
        assert np.allclose(columns["weights"].sum(axis=0), 1) and not np.allclose(columns["weights"].sum(axis=1), 1)
    assert np.abs(large["scores"]).max() > 710, "large-logit case must overflow a naive exp"
    assert ((large["weights"] > 0.01) & (large["weights"] < 0.99)).any(), "want a split row too"
    return cases


def mlp_case(name, seed, act, n, d_in, hidden, d_out, x_scale=1.0):
    rng = np.random.default_rng(seed)
    x = exact_input(rng.uniform(-1.0, 1.0, size=(n, d_in)) * x_scale)
    a = exact_input(rng.normal(size=(hidden, d_in)))
    b = exact_input(rng.normal(size=(d_out, hidden)))
    case = {"name": name, "seed": seed, "activation": act, "x": x, "a": a, "b": b}
    case.update(mlp(x, a, b, act))
    return case


def mlp_cases() -> list[dict]:
    return [
        mlp_case("relu", 11, "relu", n=5, d_in=2, hidden=6, d_out=2),
        mlp_case("tanh", 12, "tanh", n=5, d_in=3, hidden=4, d_out=2),
        mlp_case("gelu", 13, "gelu", n=5, d_in=2, hidden=8, d_out=3),
        mlp_case("gelu, wide inputs", 14, "gelu", n=4, d_in=2, hidden=5, d_out=2, x_scale=4.0),
        mlp_case("relu, n=1", 15, "relu", n=1, d_in=4, hidden=3, d_out=1),
    ]


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write(
        "attention.json",
        "Scaled dot-product self-attention: q, k, v, scores = QK^T/sqrt(d_k) (QK^T when scale is false; -inf above the "
        "diagonal when causal and in the columns of masked keys), weights = softmax of scores/temperature over rows, "
        "columns or the whole matrix (normalisation), out = weights V.",
        attention_cases(),
    )
    write("mlp.json", "Fixed MLP out = act(X A^T) B^T with relu, tanh and gelu (tanh approximation).", mlp_cases())


if __name__ == "__main__":
    main()
