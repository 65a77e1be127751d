import { lazy } from "react";
import { Cite } from "../Cite";
import { Figure } from "../Figure";
import { TeX } from "../Math";
import { Sidenote } from "../Sidenote";
import { EssaySection, type SectionProps } from "./EssaySection";

// Loaded after the text paints: each figure brings d3, its store and the engine.
const LargeAttention = lazy(() =>
  import("../../widgets/LargeAttention").then((module) => ({ default: module.LargeAttention })),
);
const AttentionCost = lazy(() =>
  import("../../widgets/AttentionCost").then((module) => ({ default: module.AttentionCost })),
);

const COUNT = String.raw`\underbrace{3\,n\,d^2}_{Q,\,K,\,V} \;+\; \underbrace{n^2 d}_{QK^\top} \;+\; \underbrace{n^2}_{\text{softmax}} \;+\; \underbrace{n^2 d}_{A V}`;
const LINEAR = String.raw`\underbrace{n\,d^2}_{W = \sum_i v_i\,\phi(k_i)^\top} \;+\; \underbrace{n\,d^2}_{W\phi(q_t)\ \text{for every } t}\qquad\text{and a } d \times d \text{ state instead of } n \times n`;

/** After Part II: what computing the weights from the input costs, measured in the reader's browser. */
export function CostSection({ id, title }: SectionProps) {
  return (
    <EssaySection id={id} title={title}>
      <p>
        Everything so far turned on one fact: attention computes its weight matrix from the input. That matrix
        has a row for every token and a column for every token, so for a sequence of <TeX tex="n" /> tokens
        each head builds <TeX tex="n^2" /> weights afresh, for every input. A fixed layer pays nothing
        comparable; its weights were paid for once, in training. This section makes the price visible, first
        as a picture of the matrix itself and then as time measured in your browser.
      </p>
      <h3>Counting the work</h3>
      <p>
        Take one head with <TeX tex="d_\text{model} = d_k = d_v = d" after="." /> Projecting the tokens to
        queries, keys and values costs <TeX tex="n d^2" /> multiply–adds each. Every query then meets every
        key, <TeX tex="d" /> multiplications per pair; the softmax touches each of the <TeX tex="n^2" />{" "}
        scores a few times; and every output row averages <TeX tex="n" /> value vectors of length{" "}
        <TeX tex="d" after=":" />
      </p>
      <TeX display tex={COUNT} />
      <p>
        Once <TeX tex="n" /> exceeds <TeX tex="d" /> the two <TeX tex="n^2 d" /> terms dominate, which is the
        per-layer cost <Cite id="vaswani2017" /> list for self-attention, set against <TeX tex="n d^2" /> for
        a recurrent layer. Double the sequence and the work of a head quadruples. Memory grows the same way:
        stored in 32-bit floats, the scores and the weights take <TeX tex="4n^2" /> bytes each, 64 MiB apiece
        at <TeX tex="n = 4096" after="," /> for one head of one layer.
        <Sidenote>
          Implementations that compute the softmax block by block need not keep the whole matrix in memory at
          once, but they still perform every one of the <TeX tex="n^2 d" /> multiplications.
        </Sidenote>
      </p>
      <h3>Looking at a matrix too large to print</h3>
      <p>
        The figure below generates up to 4096 tokens in a few clusters, lifts them to <TeX tex="d" />{" "}
        dimensions, and runs one head on them. A 4096 × 4096 matrix has more entries than a screen has pixels,
        so the backend pools each block of entries into one pixel, by its maximum or its mean, and only that
        small image comes back: well under a megabyte, never the 128 MiB of the full scores and weights. Drag
        a rectangle to zoom into a block; once a block is small enough, every pixel is a single entry again.
        Pointing at a cell reads that query’s whole row of weights back, so the value printed under the figure
        is exact, not pooled.
      </p>
      <Figure
        caption={
          <>
            One attention head on <TeX tex="n" /> generated tokens. Left: the tokens in the plane (at most 400
            of them drawn) and the cluster centres; drag a centre, or focus it and use the arrow keys. Right:
            the scores <TeX tex="QK^\top/\sqrt d" /> and weights, pooled on the backend to at most 256 pixels
            a side; drag across either to zoom, or focus it and use the arrow keys, + and −. The line under
            the matrices names the backend that computed the update and why, the time it took and the bytes
            read back. Tokens in one cluster give similar queries and keys, so the matrices show blocks.
          </>
        }
      >
        <LargeAttention id="cost-large-attention" />
      </Figure>
      <p>
        Drag a centre at <TeX tex="n = 4096" /> and the centre keeps up with the pointer while the matrices
        follow at their own pace: the figure sends one job at a time and, while it runs, keeps only the newest
        position, so a slow update is never queued behind stale ones.
      </p>
      <h3>Small problems on the CPU, large ones on the GPU</h3>
      <p>
        Which processor is faster depends on <TeX tex="n" /> more than on the processor. A GPU update has
        fixed costs that do not shrink with the problem: every step, from the projections to the softmax and
        the pooling, is a separate kernel that the browser must encode and dispatch, and the result has to be
        copied back and handed to JavaScript asynchronously, which waits for the GPU’s queue to drain. Those
        costs amount to a roughly constant floor of milliseconds per update. At <TeX tex="n = 64" /> and{" "}
        <TeX tex="d = 64" /> the whole head, projections included, is about 1.3 million multiply–adds, which a
        CPU finishes in well under that floor, so the CPU, or WebAssembly, wins. At <TeX tex="n = 4096" /> it
        is about two billion, and the GPU’s thousands of parallel lanes win by a wide margin. When a page is
        told to use one backend for everything, it is slow at one end of that range. The engine behind these
        figures instead times each backend at the sizes in use and routes every large update to the fastest
        one that keeps the page responsive: WebAssembly and the CPU compute on the page’s own thread, so an
        update of theirs that outlasts a frame would freeze the drag, and they are passed over for it. The
        line under the figure says which backend ran and why.
      </p>
      <details className="predict">
        <summary>Before you measure: on a log–log plot, what slope should the time per update have?</summary>
        <p>
          Slope 2 once the <TeX tex="n^2 d" /> work dominates: each doubling of <TeX tex="n" /> multiplies the
          time by four, parallel to the dashed reference lines. At small <TeX tex="n" /> a GPU’s line is close
          to flat instead, because its fixed dispatch and readback costs dominate. A software GPU adapter,
          which emulates the GPU on the CPU, can be slower than the CPU at every size.
        </p>
      </details>
      <Figure
        caption={
          <>
            Time per update of one attention head against <TeX tex="n" /> on this device, on log–log axes, for
            every backend your browser can start. Nothing runs until you press the button; Stop keeps what has
            been measured. Each dashed line is the <TeX tex="n^2 d" /> law drawn through a backend’s largest
            measured point. A backend’s series ends at its cap on <TeX tex="n" /> or after one update over 2
            s. The tables give the measured milliseconds and the memory of the <TeX tex="n \times n" />{" "}
            matrices.
          </>
        }
      >
        <AttentionCost id="cost-benchmark" />
      </Figure>
      <p>
        Read your own chart from right to left. Where the solid lines run parallel to their dashed references,
        the arithmetic dominates and the backends differ by a constant factor, which is raw throughput. Where
        a line flattens out, fixed overheads dominate, and the crossing of two lines is the size at which the
        automatic choice switches backend on your device.
      </p>
      <h3>Where linear attention changes the bill</h3>
      <p>
        Part II’s linear attention removes the softmax between scores and values, and with it the need for the{" "}
        <TeX tex="n \times n" /> matrix. Regrouping the products, as in the fast weight section, gives
      </p>
      <TeX display tex={LINEAR} />
      <p>
        so the cost grows as <TeX tex="n d^2" /> rather than <TeX tex="n^2 d" />{" "}
        <Cite id="katharopoulos2020" />, and a causal model carries only the <TeX tex="d \times d" /> fast
        weight matrix from one token to the next, as a recurrent network does. For <TeX tex="n" /> much larger
        than <TeX tex="d" /> that is a large saving: at <TeX tex="n = 4096" /> and <TeX tex="d = 64" /> the
        state is 16 KiB instead of 64 MiB. The bill is paid elsewhere. A <TeX tex="d \times d" /> memory holds
        only about <TeX tex="d" /> associations cleanly, the capacity limit <Cite id="schlag2021" /> stress
        and the fast weight section’s capacity figure showed. Softmax attention keeps every key and value and
        pays for it in time and memory quadratic in the context. Which weights to compute from the input, and
        how many, is an engineering trade-off as much as a conceptual one.
      </p>
    </EssaySection>
  );
}
