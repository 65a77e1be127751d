#!/usr/bin/env python3
"""Golden fixtures for the large-n view's pooling (src/core/pooledAttention.ts), computed with numpy.

Writes tests/golden/pooling.json. Run with `python3 scripts/golden_pooling.py` (python3 + numpy).
The TypeScript tests read the JSON and need no Python.

Convention: a view shows rows rowStart..rowStart+rows-1 and columns colStart..colStart+cols-1.
Per axis the block is b = ceil(count / maxPixels) and the image has ceil(count / b) pixels; the
last pixel may cover fewer entries. "max" is the largest finite entry of a block, "mean" the
average of its finite entries; both are -inf when the block has no finite entry.

The TypeScript loops over each block; this script pads the block to a multiple of b (with -inf
for max, and a zero value and zero count for mean), reshapes it to [h, b_r, w, b_c] and reduces
axes 1 and 3, the way the engine does on the GPU, so the two implementations differ in method.

Matrices are rounded to 6 decimals before pooling (the TypeScript reads them from this JSON);
-inf is written as null. Outputs keep 15 significant digits.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "golden" / "pooling.json"


def encode(m: np.ndarray) -> list:
    return [[None if v == -math.inf else float(f"{v:.15g}") for v in row] for row in m.tolist()]


def edges(start: int, count: int, block: int) -> list[int]:
    pixels = -(-count // block)
    return [min(start + i * block, start + count) for i in range(pixels + 1)]


def pool(m: np.ndarray, view: dict) -> dict:
    r0, c0, rows, cols = view["rowStart"], view["colStart"], view["rows"], view["cols"]
    br = -(-rows // view["maxPixels"])
    bc = -(-cols // view["maxPixels"])
    h, w = -(-rows // br), -(-cols // bc)
    block = m[r0 : r0 + rows, c0 : c0 + cols]
    finite = np.isfinite(block)
    pad = ((0, h * br - rows), (0, w * bc - cols))
    if view["pooling"] == "max":
        values = np.pad(np.where(finite, block, -np.inf), pad, constant_values=-np.inf)
        image = values.reshape(h, br, w, bc).max(axis=(1, 3))
    else:
        sums = np.pad(np.where(finite, block, 0.0), pad).reshape(h, br, w, bc).sum(axis=(1, 3))
        counts = np.pad(finite.astype(float), pad).reshape(h, br, w, bc).sum(axis=(1, 3))
        with np.errstate(invalid="ignore", divide="ignore"):
            image = np.where(counts > 0, sums / np.maximum(counts, 1), -np.inf)
    return {"image": encode(image), "rowEdges": edges(r0, rows, br), "colEdges": edges(c0, cols, bc)}


def causal_attention(rng: np.random.Generator, n: int, d: int) -> tuple[np.ndarray, np.ndarray]:
    x = rng.standard_normal((n, d))
    wq, wk = (rng.standard_normal((d, d)) / math.sqrt(d) for _ in range(2))
    scores = (x @ wq) @ (x @ wk).T / math.sqrt(d)
    scores[np.triu(np.ones((n, n), dtype=bool), k=1)] = -np.inf
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return scores, e / e.sum(axis=1, keepdims=True)


def view(r0: int, c0: int, rows: int, cols: int, max_pixels: int) -> dict:
    return {"rowStart": r0, "colStart": c0, "rows": rows, "cols": cols, "maxPixels": max_pixels}


def main() -> None:
    rng = np.random.default_rng(7)
    small = np.round(rng.standard_normal((7, 9)), 6)
    small[0, 0] = small[4, 7] = -np.inf
    small[6, 6:9] = -np.inf  # the last pixel of the last row (1 × 3 entries) is all -inf
    scores, weights = causal_attention(rng, 37, 4)
    scores, weights = np.round(scores, 6), np.round(weights, 6)
    matrices = {"small": small, "causalScores": scores, "causalWeights": weights}
    views = {
        "small": [
            ("whole, 3 px: uneven last row block", view(0, 0, 7, 9, 3)),
            ("whole, more pixels than entries", view(0, 0, 7, 9, 20)),
            ("inside, 2 px", view(2, 1, 5, 8, 2)),
            ("one entry", view(4, 7, 1, 1, 1)),
        ],
        "causalScores": [
            ("whole, 8 px: blocks of 5, last of 2", view(0, 0, 37, 37, 8)),
            ("zoomed across the diagonal", view(5, 11, 20, 13, 6)),
            ("above the diagonal: all masked", view(0, 20, 10, 10, 4)),
            ("tall strip, 1 px wide", view(3, 2, 30, 3, 1)),
        ],
        "causalWeights": [
            ("whole, 8 px", view(0, 0, 37, 37, 8)),
            ("zoomed across the diagonal", view(5, 11, 20, 13, 6)),
            ("above the diagonal: masked weights are 0", view(0, 20, 10, 10, 4)),
        ],
    }
    cases = []
    for matrix_name, named_views in views.items():
        for label, v in named_views:
            for pooling in ("max", "mean"):
                full_view = {**v, "pooling": pooling}
                cases.append(
                    {
                        "name": f"{matrix_name} {pooling}: {label}",
                        "matrix": matrix_name,
                        "view": full_view,
                        **pool(matrices[matrix_name], full_view),
                    }
                )
    doc = {
        "generator": "scripts/golden_pooling.py",
        "numpy": np.__version__,
        "matrices": {name: encode(m) for name, m in matrices.items()},
        "cases": cases,
    }
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"wrote {len(cases)} cases to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
