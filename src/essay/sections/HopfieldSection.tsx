import { lazy } from "react";
import { Cite } from "../Cite";
import { Figure } from "../Figure";
import { TeX } from "../Math";
import { Sidenote } from "../Sidenote";
import { EssaySection, type SectionProps } from "./EssaySection";

// Loaded after the text paints: the memory brings d3, its store and the engine; the capacity chart d3.
const HopfieldMemory = lazy(() =>
  import("../../widgets/HopfieldMemory").then((module) => ({ default: module.HopfieldMemory })),
);
const HopfieldCapacity = lazy(() =>
  import("../../widgets/HopfieldCapacity").then((module) => ({ default: module.HopfieldCapacity })),
);

const CLASSICAL = String.raw`W = \sum_{i=1}^{N} x_i x_i^\top \;(\text{zero diagonal}),\qquad \xi \leftarrow \operatorname{sign}(W\xi)`;
const MODERN = String.raw`\xi \;\leftarrow\; X\,\operatorname{softmax}\!\bigl(\beta\, X^\top \xi\bigr),\qquad X = [x_1, \dots, x_N]`;
const ENERGY = String.raw`E(\xi) = -\frac{1}{\beta}\log\sum_{i=1}^{N} e^{\beta\, x_i^\top \xi} \;+\; \tfrac12\,\xi^\top\xi \;+\; \frac{1}{\beta}\log N \;+\; \tfrac12 M^2,\qquad M = \max_i \lVert x_i\rVert`;
const EQUIVALENCE = String.raw`\operatorname{softmax}\!\Bigl(\frac{\xi^\top X}{\sqrt d}\Bigr) X^\top \;=\; \Bigl(X\,\operatorname{softmax}\!\bigl(\tfrac{1}{\sqrt d}\, X^\top\xi\bigr)\Bigr)^{\!\top}`;

/** Part II, section 3: softmax attention as one retrieval step of a modern Hopfield network; closes Part II. */
export function HopfieldSection({ id, title }: SectionProps) {
  return (
    <EssaySection id={id} title={title}>
      <p>
        The third equivalence is the oldest idea of the three. A Hopfield network stores a handful of
        patterns, here small black-and-white images written as vectors of <TeX tex="\pm 1" after="," /> and
        recalls a whole pattern when shown a damaged copy of it <Cite id="hopfield1982" />. In the classical
        version every pattern is added into one weight matrix by outer products, and recall repeatedly
        thresholds the weighted input of each pixel:
      </p>
      <TeX display tex={CLASSICAL} />
      <p>
        (We take <TeX tex="\operatorname{sign}(0) = +1" after="," /> so a pixel never ends up at zero, and
        update every pixel at once.) That matrix is a fixed weight in the first sense of Part I: written once,
        then applied to every query. Its limit is well known. With random patterns of <TeX tex="d" /> pixels,
        recall breaks down once more than about <TeX tex="0.14\,d" /> patterns are stored, because each stored
        pattern’s outer product adds crosstalk to all the others <Cite id="amit1985" />.
      </p>
      <p>
        Modern Hopfield networks replace the quadratic energy behind that rule with a much steeper one, which
        lets the number of patterns grow exponentially with <TeX tex="d" /> <Cite id="krotov2016" />{" "}
        <Cite id="demircigil2017" />. <Cite id="ramsauer2020" /> gave a version with continuous states whose
        update rule is
      </p>
      <TeX display tex={MODERN} />
      <p>and showed that it never increases the energy</p>
      <TeX display tex={ENERGY} />
      <p>
        The inverse temperature <TeX tex="\beta" /> decides what a step does. When it is large, the softmax
        puts almost all its weight on the pattern most similar to <TeX tex="\xi" /> and one step lands on that
        pattern. When it is small, the weights are nearly uniform and the step lands near the average of all
        the patterns. In between there are metastable states: fixed points that mix a few similar patterns
        without settling on any one of them.
      </p>
      <h3>The same equation as attention</h3>
      <p>
        Now read the update as attention. Let the state <TeX tex="\xi" /> be a query, let the stored patterns
        be both the keys and the values, set <TeX tex="W_Q = W_K = W_V = I" after="," /> and take{" "}
        <TeX tex="\beta = 1/\sqrt d" after="." /> Attention’s output for that query is
      </p>
      <TeX display tex={EQUIVALENCE} />
      <p>
        which is exactly one Hopfield update, written as a row instead of a column. The tests behind this page
        check it with numbers: one head of attention on the tokens{" "}
        <TeX tex="[\xi; x_1; \dots; x_N]" after="," /> with <TeX tex="\xi" /> hidden as a key, equals the
        update computed directly and by an independent NumPy script. With learned projections the same holds
        with keys <TeX tex="XW_K" /> and values <TeX tex="XW_V" /> in place of the raw patterns, and the scale{" "}
        <TeX tex="1/\sqrt{d_k}" /> plays the part of <TeX tex="\beta" after="." />
        <Sidenote>
          A softmax temperature in attention is the same knob: dividing the scores by <TeX tex="\tau" /> is
          the update with <TeX tex="\beta = 1/(\tau\sqrt{d_k})" after="." /> Part I’s temperature control
          moved attention between averaging and picking a single token for the same reason.
        </Sidenote>
      </p>
      <details className="predict">
        <summary>
          Before you try it: with β at its lowest, 0.01, what will ξ look like after one step, whatever the
          query?
        </summary>
        <p>
          Nearly the average of the six stored glyphs. At <TeX tex="\beta = 0.01" /> the scores{" "}
          <TeX tex="\beta\, x_i^\top\xi" /> differ by less than one, so every glyph gets a weight close to{" "}
          <TeX tex="1/6" /> and the query hardly matters. Raise β and the weight concentrates on the glyphs
          most similar to the query: first a mixture of the look-alikes H and A, then H alone.
        </p>
      </details>
      <Figure
        caption={
          <>
            A modern Hopfield memory of six glyphs. Click pixels of the query (or use the arrow keys and
            Space) to corrupt it, or flip <TeX tex="k" /> random pixels; choose β; then step the update and
            watch the state <TeX tex="\xi" after="," /> the softmax weights over the stored glyphs, and the
            energy, which never rises. The button sets <TeX tex="\beta = 1/\sqrt{49}" after="," /> where one
            step is one attention head. Computed on the backend named in the badge.
          </>
        }
      >
        <HopfieldMemory id="hopfield-memory" />
      </Figure>
      <p>
        At attention’s own scale, <TeX tex="\beta = 1/7" /> for these 49-pixel glyphs, a corrupted H does not
        come back cleanly: the state settles on a mixture weighted mostly towards H with some A, a metastable
        state. Nothing is wrong with the update; the two letters share most of their pixels, and at this
        temperature the memory cannot tell them apart. Raise β to 1 and the same query is restored in a single
        step.
      </p>
      <h3>How many patterns fit</h3>
      <p>
        The second figure repeats the classic capacity experiment on random patterns. It stores{" "}
        <TeX tex="N" /> of them, damages each by flipping a fixed share of its pixels, applies one update, and
        counts the patterns that come back exactly (after taking the sign of the modern rule’s real-valued
        output). The classical rule collapses near the marked <TeX tex="0.14\,d" />; the modern rule at a
        moderate β keeps recalling every pattern across the whole range shown. Turn β down and the modern rule
        fails too, but for the opposite reason: it averages instead of choosing.
      </p>
      <Figure
        caption={
          <>
            Fraction of damaged patterns recalled exactly after one step, as the number stored grows, for the
            classical rule <TeX tex="\operatorname{sign}(W\xi)" /> (dashed) and the modern rule (solid). The
            vertical line marks <TeX tex="0.14\,d" after="." /> Seeded random patterns, computed in the page.
          </>
        }
      >
        <HopfieldCapacity id="hopfield-capacity" />
      </Figure>
      <h3>What the equivalence shows, and what it does not</h3>
      <p>
        It shows that the averaging step at the heart of attention is, to the letter, the retrieval step of an
        associative memory with a very large capacity, and it gives β, the scale of the scores, a clear
        meaning: it sets whether a head looks up one item or blends many. It also says where this memory
        lives. The stored patterns are the tokens of the context, put there by the input rather than by
        training, and they are gone when the context ends.
      </p>
      <p>
        It does not show that a trained transformer uses its heads as clean memories. The identity maps and
        the particular β are our choice; a trained head’s keys and values are whatever its learned projections
        make of the context, and nothing in the theorem says they separate into well-spaced patterns. When{" "}
        <Cite id="ramsauer2020" /> looked at the heads of a trained BERT model, they reported that many, above
        all in the lower layers, average over a large share of the tokens rather than retrieving one. And a
        skeptic can fairly add that retrieval is not learning: nothing persists after the forward pass, and
        the parameters that define the memory are exactly as fixed as an MLP’s.
      </p>
      <h3>Part II in one paragraph</h3>
      <p>
        Three exact identities, then. Linear attention writes a weight matrix with outer products and reads it
        with queries, a fast weight memory <Cite id="schlag2021" />. One layer of linear self-attention with
        suitable parameters takes one step of gradient descent on the examples in its context{" "}
        <Cite id="vonoswald2023" /> <Cite id="akyurek2023" />. And softmax attention is one retrieval step of
        a modern Hopfield network <Cite id="ramsauer2020" />. Together they answer the narrower form of the
        discussion’s question: yes, a layer whose parameters never change can, with parameters set for the
        purpose, implement a memory write and read, a learning step, and a retrieval inside one forward pass,
        so “weights computed from the input” can be more than a turn of phrase. What they do not settle is the
        broader claim. Each construction fixes its parameters by hand, and an identity between functions shows
        what attention can compute, not what a trained transformer does compute; the skeptic’s point that the
        trained parameters stay frozen survives intact. Whether trained models actually learn to run such
        updates from their context is an empirical question. <Cite id="vonoswald2023" /> trained small linear
        self-attention models on regression tasks and found weights that match the construction, which is
        evidence about small models on a toy task, not yet about language models. Part III repeats that
        experiment in your browser, sets a network without attention against it, and then watches a small
        transformer learn to copy from its context.
      </p>
    </EssaySection>
  );
}
