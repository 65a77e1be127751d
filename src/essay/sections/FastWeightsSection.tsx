import { lazy } from "react";
import { Cite } from "../Cite";
import { Figure } from "../Figure";
import { TeX } from "../Math";
import { Sidenote } from "../Sidenote";
import { EssaySection, type SectionProps } from "./EssaySection";

// Loaded after the text paints: each figure brings d3, its store and (the player) the engine.
const FastWeights = lazy(() =>
  import("../../widgets/FastWeights").then((module) => ({ default: module.FastWeights })),
);
const MemoryOverwrite = lazy(() =>
  import("../../widgets/MemoryOverwrite").then((module) => ({ default: module.MemoryOverwrite })),
);
const MemoryCapacity = lazy(() =>
  import("../../widgets/MemoryCapacity").then((module) => ({ default: module.MemoryCapacity })),
);

const LINEAR_ATTENTION = String.raw`o_t \;=\; \sum_{i\le t} \bigl(\phi(q_t)^\top \phi(k_i)\bigr)\, v_i \;=\; \Bigl(\sum_{i\le t} v_i\, \phi(k_i)^\top\Bigr)\, \phi(q_t) \;=\; W_t\, \phi(q_t)`;
const SUM_RULE = String.raw`W_t = W_{t-1} + v_t\, \phi(k_t)^\top`;
const DELTA_RULE = String.raw`W_t = W_{t-1} + \beta\,\bigl(v_t - W_{t-1}\phi(k_t)\bigr)\,\phi(k_t)^\top`;
const CROSSTALK = String.raw`W k_j \;=\; v_j\,\lVert k_j\rVert^2 \;+\; \sum_{i\ne j} v_i\,(k_i^\top k_j)`;

/** Part II, section 1: causal linear attention rewritten as a weight matrix written by outer products. */
export function FastWeightsSection({ id, title }: SectionProps) {
  return (
    <EssaySection id={id} title={title}>
      <p>
        Part I separated two things that share the word “weight”: the parameters, which training fixes, and
        the coefficients attention computes from each input. Nothing there was learned at inference time; the
        coefficients simply depended on the sentence. Part II asks a sharper question. With every parameter
        frozen, can what attention does to its context be described, exactly, as a learning rule acting on a
        weight matrix inside a single forward pass?
      </p>
      <p>
        We test three precise versions of that claim, each an identity you can check with numbers rather than
        a metaphor: linear attention as a memory written by outer products, one layer of linear self-attention
        as one step of gradient descent, and softmax attention as one retrieval step of a Hopfield network.
        For each we say what it establishes and what it leaves out.
      </p>
      <h3>Drop the softmax</h3>
      <p>
        Replace the softmax’s <TeX tex="\exp(q^\top k)" /> by a plain dot product of features,{" "}
        <TeX tex="\phi(q)^\top\phi(k)" after="," /> and let token <TeX tex="t" /> attend only to itself and
        earlier tokens. Because nothing non-linear now sits between the scores and the values, the sum can be
        regrouped:
      </p>
      <TeX display tex={LINEAR_ATTENTION} />
      <p>
        The middle term is a matrix, <TeX tex="W_t" after="," /> built by adding one outer product{" "}
        <TeX tex="v_t\,\phi(k_t)^\top" /> per token and read by multiplying it with the query{" "}
        <Cite id="katharopoulos2020" />. Read left to right, the equation is attention; read right to left, it
        is a network that writes its own weight matrix as the sequence arrives and then applies it, what{" "}
        <Cite id="schlag2021" /> call a fast weight programmer.
        <Sidenote>
          Slow weights are learned by gradient descent over a training set; fast weights are written by the
          network while it runs. The idea predates transformers by decades <Cite id="schmidhuber1992" /> and
          was revived for recurrent networks by <Cite id="ba2016" />.
        </Sidenote>{" "}
        The feature map <TeX tex="\phi" /> is a design choice: the identity, or{" "}
        <TeX tex="\mathrm{elu}(x)+1" after="," /> which keeps every feature positive so that the optional
        normalisation, dividing by <TeX tex="\phi(q_t)^\top\sum_{i\le t}\phi(k_i)" after="," /> never divides
        by zero or a negative number.
      </p>
      <details className="predict">
        <summary>
          Before you press Next: as the sentence grows, how many numbers does the fast weight memory need?
        </summary>
        <p>
          Always <TeX tex="d_v \times d_k" after="," /> here 16, however long the sentence. The attention form
          needs a <TeX tex="t \times t" /> triangle of weights instead. That trade, constant memory per step
          for a fixed-size summary of the past, is why linear attention can run as a recurrent network.
        </p>
      </details>
      <Figure
        caption={
          <>
            The fast weight player. Each token’s embedding (the 2-D layout of Part I) is projected by fixed
            matrices to a 4-dimensional query, key and value. Step through the sentence: the heatmaps show{" "}
            <TeX tex="W_{t-1}" after="," /> the outer product token <TeX tex="t" /> adds, and{" "}
            <TeX tex="W_t" after="." /> The table sets the read <TeX tex="W_t\phi(q_t)" /> beside row{" "}
            <TeX tex="t" /> of causal linear attention computed by the engine named in the badge, and prints
            the largest difference.
          </>
        }
      >
        <FastWeights id="fast-weights-player" />
      </Figure>
      <p>
        The fast weight column is computed in double precision, the attention column by tfjs in single
        precision on every backend, so the difference is around <TeX tex="10^{-7}" /> to{" "}
        <TeX tex="10^{-6}" after=":" /> the rounding of float32, not a gap between two models. The two columns
        are the same numbers added in a different order.
      </p>
      <h3>What the equivalence shows, and what it does not</h3>
      <p>
        It shows that, for this architecture, the proponent’s phrase is literal. The input-dependent
        coefficients of Part I are, after regrouping, entries of a weight matrix that the forward pass writes
        and then multiplies by an activation, one update per token, while <TeX tex="W_Q, W_K, W_V" /> stay
        frozen. Nothing is redefined to get there; it is associativity of matrix products.
      </p>
      <p>
        It does not show the same for the attention used in most transformers. The softmax attention of{" "}
        <Cite id="vaswani2017" /> scores with <TeX tex="\exp(q^\top k)" after="," /> which is not a dot
        product of any finite feature vectors, so it has no finite <TeX tex="W_t" /> of this kind; carrying
        the picture over to it is an approximation or an analogy, not this identity. And the rule that writes
        the memory is fixed: every token adds its outer product whatever is already stored. That is
        accumulation, closer to a Hebbian trace than to learning from errors, which is the skeptic’s fair
        point about calling it learning.
      </p>
      <h3>A memory that overwrites</h3>
      <p>
        The sum rule has a plain weakness: writing a second value under a key that is already in use does not
        replace the first; the two are superposed. <Cite id="schlag2021" /> proposed to let each token first
        read what its key currently retrieves and write only the correction, the delta rule (in their model
        the step size <TeX tex="\beta" /> is itself computed from the token; here it is a slider):
      </p>
      <TeX display tex={`${SUM_RULE}\\quad\\longrightarrow\\quad ${DELTA_RULE}`} />
      <p>
        The correction is exactly one gradient step, with step size <TeX tex="\beta" after="," /> on the
        squared error <TeX tex="\tfrac12\lVert W\phi(k_t) - v_t\rVert^2" /> of the current association, since
        that loss has gradient <TeX tex="(W\phi(k_t) - v_t)\,\phi(k_t)^\top" /> with respect to{" "}
        <TeX tex="W" after="." /> Here the fast weights are learned from an error signal, one example at a
        time.
      </p>
      <details className="predict">
        <summary>
          Write value a under key e1, b under e2, then c under e1 again. What does each rule return for e1?
        </summary>
        <p>
          The sum rule returns <TeX tex="a + c" after=":" /> both writes to e1 are still in the matrix. The
          delta rule with <TeX tex="\beta = 1" /> returns <TeX tex="c" after=":" /> the third write first
          reads <TeX tex="a" /> at e1 and adds <TeX tex="(c - a)\,e_1^\top" after="." /> Key e2 is orthogonal
          to e1, so neither rule disturbs b.
        </p>
      </details>
      <Figure
        caption={
          <>
            Overwriting. Three writes into a <TeX tex="2 \times 2" /> memory, and the read of key e1 after
            each, under the sum rule and the delta rule. Edit a, b and c, pick a preset, or lower{" "}
            <TeX tex="\beta" /> to replace only part of the old value.
          </>
        }
      >
        <MemoryOverwrite id="fast-weights-overwrite" />
      </Figure>
      <p>
        The price is the equivalence itself. Under the delta rule what a token writes depends on what earlier
        tokens wrote, so the output is no longer a weighted sum of values with weights set by queries and keys
        alone: no attention matrix reproduces it, and the player says so instead of printing a difference that
        would mean nothing. The delta rule is a different sequence model that keeps the fast weight reading,
        not a rewriting of attention.
      </p>
      <h3>How much one matrix can hold</h3>
      <p>
        A <TeX tex="d \times d" /> matrix written by outer products cannot store an unlimited number of
        associations. Reading key <TeX tex="k_j" /> from the sum of all writes gives
      </p>
      <TeX display tex={CROSSTALK} />
      <p>
        The first term is the wanted value; the second is crosstalk from every other key that is not
        orthogonal to <TeX tex="k_j" after="." /> In <TeX tex="d" /> dimensions at most <TeX tex="d" /> keys
        can be mutually orthogonal, so up to <TeX tex="N = d" /> well-chosen keys are recalled exactly, and
        past it crosstalk is unavoidable. <Cite id="schlag2021" /> make this limit central to their argument:
        a linear-attention memory is overloaded once a sequence holds more distinct associations than its key
        dimension.
      </p>
      <details className="predict">
        <summary>
          Past <TeX tex="N = d" after="," /> which rule’s error keeps growing, and which levels off?
        </summary>
        <p>
          Superposition keeps adding crosstalk, so the sum rule’s error keeps rising, roughly like{" "}
          <TeX tex="\sqrt{N/d}" /> for random keys. The delta rule stores the newest association exactly and
          lets older ones fade, so its average error stays bounded, approaching that of recalling nothing.
        </p>
      </details>
      <Figure
        caption={
          <>
            Capacity. <TeX tex="N" /> random unit keys and values in <TeX tex="d" /> dimensions are written in
            order; every key is then read back and the mean error <TeX tex="\lVert Wk_i - v_i\rVert" /> is
            plotted against <TeX tex="N" /> for both rules. With orthogonal keys the error stays at 0 up to
            the marker at <TeX tex="N = d" />; with independent random keys the sum rule errs from the second
            key on.
          </>
        }
      >
        <MemoryCapacity id="fast-weights-capacity" />
      </Figure>
      <p>
        The fast weight view therefore makes a concrete prediction about linear attention that the attention
        view hides: its context is compressed into <TeX tex="d_v \times d_k" /> numbers, and it fails in a
        characteristic way when the context holds more than about <TeX tex="d" /> things to remember. Softmax
        attention keeps every key and value, so its memory grows with the context instead of being squeezed
        into a fixed matrix, one more reason not to carry this section’s conclusions over to it unexamined.
        The next section takes the delta rule’s observation, that a write can be a gradient step, and asks
        whether a layer of attention can perform gradient descent on a whole context of examples at once.
      </p>
    </EssaySection>
  );
}
