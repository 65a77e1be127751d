#!/usr/bin/env python3
"""Golden fixtures for Part III's reference maths (src/core/regressionReferences.ts and
src/core/impliedLearningRate.ts), with numpy.

Writes tests/golden/training.json. Run with `python3 scripts/golden_training.py` (python3 + numpy;
the TypeScript tests read the JSON and need no Python). Deterministic: every run writes the same bytes
(for one numpy version; the Monte Carlo estimates are stored for information only).

Independent of the TypeScript, on purpose by other routes:

1. Reference losses. Tasks: w ~ N(0, I_d), x ~ U(-a, a)^d, y = w.x; loss L = 1/2 E[(yhat - y)^2].
   One gradient step from W = 0 on 1/(2N) sum (w.x_i - y_i)^2 gives what = eta S w, with
   S = (1/N) sum x_i x_i^T. Averaging over w ~ N(0, I) and an independent query x_q,
       L(eta) = 1/2 tr( K2 E[(eta S - I)(eta S - I)^T] ),   K2 = E[x x^T],
   with E[S^2] = (1/N) E[x x^T x x^T] + ((N-1)/N) K2 K2. Here K2 and the fourth-moment tensor
   E[x_a x_b x_c x_e] are assembled index by index from the moments of U(-a, a), which are computed by
   Gauss-Legendre quadrature (not from a closed form). The optimal eta is found by minimising that
   quadratic numerically (np.polyfit over three etas, then the vertex).
   Every case is then checked against a large Monte Carlo simulation of the tasks themselves; the
   script fails (writes nothing) if they differ by more than 5 standard errors.

2. Implied preconditioners. Layers are written in the paper's column convention,
       e_j <- e_j + (1/N) P sum_i (W_V e_i) (W_K e_i)^T (W_Q e_j),
   tokens e = (x, y), the query (x_q, 0), prediction -(its y-slot). A is found by probing: for random
   contexts the part of the prediction odd in y, (yhat(y) - yhat(-y)) / 2, is x_q^T A s with
   s = (1/N) sum y_i x_i, so A solves a least-squares problem over many probes (residual asserted ~0).
   Layers are stored transposed, in src/core's row-vector convention (q = e W_Q).

Inputs are rounded to 6 decimals before anything is computed; outputs keep 12 significant digits.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "golden" / "training.json"
SIGNIFICANT_DIGITS = 12
MONTE_CARLO_TASKS = 200_000
QUERIES_PER_TASK = 8
CHUNK = 10_000
TOLERANCE_SE = 5.0


def exact(values: np.ndarray) -> np.ndarray:
    """Rounded so that the JSON's decimal form parses back to exactly these doubles."""
    return np.vectorize(lambda v: float(f"{v:.6f}"))(values)


def encode(value):
    if isinstance(value, np.ndarray):
        return [encode(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {key: encode(v) for key, v in value.items()}
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if not np.isfinite(value):
            raise ValueError(f"cannot encode {value}")
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return float(f"{value:.{SIGNIFICANT_DIGITS}g}")
    if isinstance(value, np.integer):
        return int(value)
    return value


# --- 1. reference losses from moments -----------------------------------------------------------


def uniform_moment(a: float, k: int) -> float:
    """E x^k for x ~ U(-a, a), by Gauss-Legendre quadrature (exact for these polynomial degrees)."""
    nodes, weights = np.polynomial.legendre.leggauss(8)
    return float(np.sum(weights * (a * nodes) ** k) / 2)


def moment_tensors(d: int, a: float):
    """K2 = E[x x^T] [d, d] and K4 = E[x_a x_b x_c x_e] [d, d, d, d], coordinates independent."""
    k2 = np.zeros((d, d))
    for p in range(d):
        k2[p, p] = uniform_moment(a, 2)
    k4 = np.zeros((d, d, d, d))
    for index in np.ndindex(d, d, d, d):
        counts = np.bincount(index, minlength=d)
        k4[index] = np.prod([uniform_moment(a, int(c)) for c in counts if c > 0])
    return k2, k4


def exact_loss_coefficients(d: int, n: int, a: float):
    """L(eta) = c2 eta^2 + c1 eta + c0, exactly, from the moment tensors."""
    k2, k4 = moment_tensors(d, a)
    fourth = np.einsum("abbc->ac", k4)  # E[x x^T x x^T]
    second_of_s = fourth / n + (n - 1) / n * k2 @ k2  # E[S^2]
    eye = np.eye(d)
    # 1/2 tr(K2 (eta^2 E[S^2] - eta (E S + E S^T) + I)), E S = K2.
    c2 = 0.5 * np.trace(k2 @ second_of_s)
    c1 = -0.5 * np.trace(k2 @ (k2 + k2.T))
    c0 = 0.5 * np.trace(k2 @ eye)
    return c2, c1, c0


def monte_carlo(d: int, n: int, a: float, etas, seed: int):
    """Mean and standard error of 1/2 (eta x_q.s - y_q)^2 over simulated tasks, for each eta."""
    rng = np.random.default_rng(seed)
    per_task = [[] for _ in etas]
    for start in range(0, MONTE_CARLO_TASKS, CHUNK):
        b = min(CHUNK, MONTE_CARLO_TASKS - start)
        w = rng.normal(size=(b, d))
        xs = rng.uniform(-a, a, size=(b, n, d))
        ys = np.einsum("bnd,bd->bn", xs, w)
        xq = rng.uniform(-a, a, size=(b, QUERIES_PER_TASK, d))
        yq = np.einsum("bqd,bd->bq", xq, w)
        s = np.einsum("bn,bnd->bd", ys, xs) / n
        step = np.einsum("bqd,bd->bq", xq, s)
        for k, eta in enumerate(etas):
            per_task[k].append(np.mean(0.5 * (eta * step - yq) ** 2, axis=1))
    means, errors = [], []
    for values in per_task:
        v = np.concatenate(values)
        means.append(float(np.mean(v)))
        errors.append(float(np.std(v, ddof=1) / np.sqrt(len(v))))
    return means, errors


def reference_case(d: int, n: int, a: float, seed: int):
    c2, c1, c0 = exact_loss_coefficients(d, n, a)
    loss = lambda eta: c2 * eta**2 + c1 * eta + c0  # noqa: E731
    # The vertex of the parabola through three exact values.
    probe = np.array([0.0, 1.0, 2.0])
    p2, p1, _ = np.polyfit(probe, [loss(e) for e in probe], 2)
    best_eta = -p1 / (2 * p2)
    best_loss = loss(best_eta)
    etas = [0.0, 0.25 / a**2, 1.0 / a**2, float(best_eta), 2.0 / a**2]
    losses = [loss(e) for e in etas]
    means, errors = monte_carlo(d, n, a, etas, seed)
    for eta, exact_value, mean, error in zip(etas, losses, means, errors):
        assert abs(mean - exact_value) <= TOLERANCE_SE * error, (
            f"d={d} N={n} a={a} eta={eta}: exact {exact_value} vs Monte Carlo {mean} +- {error}"
        )
    assert all(best_loss <= value + 1e-12 for value in losses)
    return {
        "name": f"d={d}, N={n}, a={a}",
        "inputDim": d,
        "examples": n,
        "inputScale": a,
        "zeroLoss": loss(0.0),
        "etas": etas,
        "gdLosses": losses,
        "optimalEta": best_eta,
        "optimalLoss": best_loss,
        "monteCarlo": {"tasks": MONTE_CARLO_TASKS, "seed": seed, "means": means, "standardErrors": errors},
    }


# --- 2. implied preconditioners by probing ------------------------------------------------------


def layer_predictions(layer, xs, ys, xq):
    """-(query y-slot) after one layer, column convention, sum normalised by 1/N. xs [N, d], ys [N]."""
    n, d = xs.shape
    context = np.concatenate([xs, ys[:, None]], axis=1).T  # [D, N], one column per token
    query = np.concatenate([xq, [0.0]])
    keys = layer["wk"] @ context
    values = layer["wv"] @ context
    q = layer["wq"] @ query
    update = layer["projection"] @ (values @ (keys.T @ q)) / n
    return -(query + update)[d]


def probe_preconditioner(layer, d: int, seed: int):
    rng = np.random.default_rng(seed)
    features, targets = [], []
    for _ in range(6 * d * d + 20):
        n = int(rng.integers(1, 8))
        xs = rng.uniform(-1, 1, size=(n, d))
        ys = rng.normal(size=n)
        xq = rng.uniform(-1, 1, size=d)
        odd = (layer_predictions(layer, xs, ys, xq) - layer_predictions(layer, xs, -ys, xq)) / 2
        s = ys @ xs / n
        features.append(np.outer(xq, s).ravel())
        targets.append(odd)
    solution, *_ = np.linalg.lstsq(np.array(features), np.array(targets), rcond=None)
    residual = np.array(features) @ solution - np.array(targets)
    assert np.max(np.abs(residual)) < 1e-10, "the odd part is not bilinear in (x_q, s)"
    return solution.reshape(d, d)


def implied_case(name, layer, d, seed):
    a = probe_preconditioner(layer, d, seed)
    eta = np.trace(a) / d
    norm = np.linalg.norm(a)
    off = np.linalg.norm(a - eta * np.eye(d)) / norm if norm > 0 else 0.0
    return {
        "name": name,
        "seed": seed,
        "inputDim": d,
        "layer": {key: m.T for key, m in layer.items()},  # row convention
        "preconditioner": a,
        "eta": eta,
        "offIdentity": off,
    }


def constructed_layer(d, eta):
    """von Oswald et al.'s construction in the training convention (P = eta I, the 1/N in the sum)."""
    size = d + 1
    wk = np.zeros((size, size))
    wk[:d, :d] = np.eye(d)
    wv = np.zeros((size, size))
    wv[d, d] = -1.0
    return {"wk": wk, "wq": wk.copy(), "wv": wv, "projection": eta * np.eye(size)}


def random_layer(d, seed, scale=1.0, around=None):
    rng = np.random.default_rng(seed)
    size = d + 1
    layer = {}
    for key in ("wk", "wq", "wv", "projection"):
        noise = rng.normal(size=(size, size)) * scale / np.sqrt(size)
        layer[key] = exact((around[key] if around else 0) + noise)
    return layer


def main() -> None:
    references = []
    seed = 500
    for d, n, a in [
        (10, 10, 1.0),
        (10, 10, 2.0),
        (10, 20, 1.0),
        (10, 40, 1.0),
        (10, 5, 1.0),
        (1, 1, 1.0),
        (2, 5, 0.5),
        (5, 3, 1.5),
    ]:
        references.append(reference_case(d, n, a, seed))
        seed += 1

    implied = []
    for d, eta in [(1, 0.7), (3, 1.2), (10, 1.515)]:
        case = implied_case(f"construction d={d}, eta={eta}", constructed_layer(d, eta), d, seed)
        assert np.allclose(case["preconditioner"], eta * np.eye(d), atol=1e-12)
        implied.append(case)
        seed += 1
    for d in (1, 2, 4, 10):
        implied.append(implied_case(f"random layer d={d}", random_layer(d, seed), d, seed + 1))
        seed += 2
    near = random_layer(3, seed, scale=0.05, around=constructed_layer(3, 1.0))
    implied.append(implied_case("construction d=3, eta=1 plus noise", near, 3, seed + 1))

    doc = {
        "generator": "scripts/golden_training.py",
        "numpy": np.__version__,
        "description": (
            "Part III references: losses 1/2 E[(yhat - y)^2] of the zero predictor and of one gradient step "
            "from W = 0 (w ~ N(0, I), x ~ U(-a, a)^d), exact by moments and checked by Monte Carlo; "
            "preconditioners A (yhat_odd = x_q A (1/N) sum y_i x_i) of linear self-attention layers in the "
            "training convention, found by probing. Layers in src/core's row convention."
        ),
        "references": [encode(case) for case in references],
        "implied": [encode(case) for case in implied],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1024:.1f} KiB)")
    for case in references:
        print(
            f"  {case['name']}: zero {case['zeroLoss']:.6f}, eta* {case['optimalEta']:.6f}, "
            f"one-step GD {case['optimalLoss']:.6f}"
        )


if __name__ == "__main__":
    main()
