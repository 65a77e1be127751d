import { lazy } from "react";
import { Figure } from "../Figure";
import { TeX } from "../Math";
import { EssaySection, type SectionProps } from "./EssaySection";

// Loaded after the text paints, like the other widgets: it brings d3 and its store.
const BilinearScore = lazy(() =>
  import("../../widgets/BilinearScore").then((module) => ({ default: module.BilinearScore })),
);

const OPEN_SCORE = String.raw`s_{ij} = \frac{q_i\,k_j^\top}{\sqrt{d}} = \frac{(x_i W_Q)(x_j W_K)^\top}{\sqrt{d}} = x_i\,\underbrace{\frac{W_Q W_K^\top}{\sqrt{d}}}_{M}\,x_j^\top`;
const FOUR_TERMS = String.raw`s_{ij} = \sum_{a,b} x_i[a]\,M[a,b]\,x_j[b] = x_i[1]M[1,1]x_j[1] + x_i[1]M[1,2]x_j[2] + x_i[2]M[2,1]x_j[1] + x_i[2]M[2,2]x_j[2]`;
const LAYER = String.raw`z_h = \sum_a A[h,a]\,x[a] = A[h,1]\,x[1] + A[h,2]\,x[2]`;
const BACKPROP = String.raw`z = Wx \quad\Longrightarrow\quad \frac{\partial L}{\partial x} = W^\top \frac{\partial L}{\partial z}`;

/** Section 5: a score expanded into products of input entries, against a fixed layer's sum. */
export function InputTimesInputSection({ id, title }: SectionProps) {
  return (
    <EssaySection id={id} title={title}>
      <p>
        A score looks like one number, but it is built out of the two tokens it compares. Open it up. The
        query of token <TeX tex="i" /> is <TeX tex="x_i W_Q" after="," /> the key of token <TeX tex="j" /> is{" "}
        <TeX tex="x_j W_K" after="," /> and their scaled dot product regroups so that all the parameters sit
        in the middle:
      </p>
      <TeX display tex={OPEN_SCORE} />
      <p>
        The matrix <TeX tex="M" /> contains parameters only; it is the same for every sentence. The tokens
        stand on either side of it. With two-dimensional embeddings the score is a sum of exactly four terms,
        and each term multiplies an entry of <TeX tex="x_i" /> by an entry of <TeX tex="x_j" after=":" />
      </p>
      <TeX display tex={FOUR_TERMS} />
      <p>
        Compare one hidden unit of the fixed MLP from earlier, before its nonlinearity. Each term there is a
        parameter times a single entry of the input:
      </p>
      <TeX display tex={LAYER} />
      <p>
        Double the input and <TeX tex="z_h" /> doubles; it is of degree one in the input. Double both tokens
        and every term of <TeX tex="s_{ij}" /> grows fourfold; it is of degree two. The figure puts the two
        expansions side by side, computed from the same token <TeX tex="x_i" after="." /> Beside the sum of
        the four terms it prints the score as attention itself computes it, as <TeX tex="QK^\top/\sqrt{d}" />{" "}
        over the whole sentence, and their difference, which is rounding error and nothing more.
      </p>
      <details className="predict">
        <summary>
          Before you drag: pick a token that is neither i nor j and move it. Which terms change?
        </summary>
        <p>
          None. The score <TeX tex="s_{ij}" /> involves only <TeX tex="x_i" /> and <TeX tex="x_j" after="." />{" "}
          The attention <em>weight</em> in row <TeX tex="i" /> still moves, though, because the softmax
          divides by a sum over every token’s score: the other tokens enter through the normalisation, not
          through the score.
        </p>
      </details>
      <Figure
        caption={
          <>
            One attention score, written out. Choose the query token <TeX tex="i" /> and the key token{" "}
            <TeX tex="j" after="," /> then drag either one (or focus it and use the arrow keys): the four
            products change at once, and their sum keeps matching the score. Edit <TeX tex="W_Q" /> or{" "}
            <TeX tex="W_K" /> to change <TeX tex="M" after="." /> The table on the right expands one hidden
            unit of the fixed MLP for the same token, for contrast.
          </>
        }
      >
        <BilinearScore id="bilinear-score" initialText="the cat sat on the mat" />
      </Figure>
      <p>
        This is the sense in which attention multiplies the input by itself. A fixed layer computes sums of
        parameter × input; a score is a sum of parameter × input × input, and the weights computed from the
        scores then multiply a third function of the input, the values. A careful skeptic will note that
        products of inputs are not unique to attention: expand tanh or GELU as a power series and products of
        input entries appear there too. The difference is where they appear. In an MLP they arise inside a
        function applied to one number from one token. In attention they are formed on purpose, between two
        different tokens, and the result is used as a coefficient that decides how other activations are
        combined.
      </p>
      <h3>Where the transpose comes in</h3>
      <p>
        The same algebra shows where a transpose enters the computation. A fixed network, run forward, only
        multiplies activations by parameter matrices. A transpose of a weight matrix does show up when such a
        network is trained: backpropagation sends the error through a layer by multiplying it with the layer’s
        matrix the other way round,
      </p>
      <TeX display tex={BACKPROP} />
      <p>
        written here with column vectors, the usual convention for this. The transpose appears in training,
        not in inference. (Writing a forward layer as <TeX tex="xA^\top" after="," /> as this essay does with
        row vectors, is no exception: it is only a choice of how to store the same fixed numbers.) The
        transpose in <TeX tex="QK^\top" /> is different in kind: both <TeX tex="Q" /> and <TeX tex="K" /> are
        computed from the input, so the forward pass contracts one input-dependent matrix against another. One
        comment in the discussion this essay answers put the point this way: a feedforward network is built
        from matrix products and ReLUs, with the transpose reserved for the backward pass, while attention
        brings transposes and multiplicative interactions between activations into inference itself, and with
        them a larger space of circuits the network can cheaply express. Whether that extra operation amounts
        to learning during inference is a separate claim, and the next section separates it carefully.
      </p>
    </EssaySection>
  );
}
