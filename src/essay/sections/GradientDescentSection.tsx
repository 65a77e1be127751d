import { lazy } from "react";
import { Cite } from "../Cite";
import { Figure } from "../Figure";
import { TeX } from "../Math";
import { Sidenote } from "../Sidenote";
import { EssaySection, type SectionProps } from "./EssaySection";

// Loaded after the text paints: the figure brings d3, its store and the engine.
const InContextRegression = lazy(() =>
  import("../../widgets/InContextRegression").then((module) => ({ default: module.InContextRegression })),
);

const LOSS = String.raw`\begin{aligned}
L(W) &= \frac{1}{2N}\sum_{i=1}^{N} \lVert W x_i - y_i \rVert^2, \\
W_1 &= -\eta\,\nabla L(0) = \frac{\eta}{N}\sum_{i=1}^{N} y_i\, x_i^{\top}
\end{aligned}`;
const LAYER = String.raw`e_j \;\leftarrow\; e_j + P \sum_{i=1}^{N} (W_V e_i)\,(W_K e_i)^{\top}(W_Q e_j)`;
const CONSTRUCTION = String.raw`W_K = W_Q = \begin{pmatrix} I & 0 \\ 0 & 0 \end{pmatrix},\qquad
W_V = \begin{pmatrix} 0 & 0 \\ 0 & -I \end{pmatrix},\qquad P = \frac{\eta}{N}\, I`;
const UPDATE = String.raw`y_j \;\leftarrow\; y_j - \frac{\eta}{N}\sum_{i=1}^{N} y_i\,(x_i^{\top} x_j) = y_j - W_1 x_j`;

/** Part II, section 2: a linear self-attention layer built to take one gradient step on its context. */
export function GradientDescentSection({ id, title }: SectionProps) {
  return (
    <EssaySection id={id} title={title}>
      <p>
        The last section read linear attention as a layer that writes a weight matrix from its context and
        then applies it. That leaves open what the written matrix is good for. Here is a case where the answer
        is exact: with the right parameters, the matrix a linear attention layer writes is the one a learning
        algorithm would compute from the same data <Cite id="vonoswald2023" />.
      </p>
      <p>
        The task is linear regression in context. The context holds <TeX tex="N" /> examples{" "}
        <TeX tex="(x_i, y_i)" /> of an unknown linear map, followed by a query input <TeX tex="x_q" /> whose
        output is missing. A learner given these examples might fit a weight matrix <TeX tex="W" /> by
        lowering the squared loss with gradient descent. Starting from <TeX tex="W_0 = 0" after="," /> one
        step with learning rate <TeX tex="\eta" /> gives
      </p>
      <TeX display tex={LOSS} />
      <p>
        and the prediction <TeX tex="W_1 x_q" after="." /> Note the shape of that step: a sum of outer
        products of targets with inputs. It multiplies the data by the data.
      </p>
      <h3>A layer that takes the step</h3>
      <p>
        Now give each example to a transformer as one token, <TeX tex="e_i = (x_i, y_i)" after="," /> and the
        query as the token <TeX tex="e_q = (x_q, 0)" after="," /> with an empty slot where its output would
        go. A linear self-attention layer is attention with the softmax removed: every token adds a sum of
        values weighted by raw query–key products,
      </p>
      <TeX display tex={LAYER} />
      <p>
        with keys and values taken from the <TeX tex="N" /> examples only, so that queries never see each
        other. Von Oswald and colleagues wrote down parameters for this layer by hand:
      </p>
      <TeX display tex={CONSTRUCTION} />
      <p>
        The keys and queries keep only the inputs, so each query–key product is{" "}
        <TeX tex="x_i^{\top} x_j" after=";" /> the values keep only the targets, negated. Putting these into
        the layer, the inputs pass through unchanged and every token’s output slot becomes
      </p>
      <TeX display tex={UPDATE} />
      <p>
        exactly the gradient step above. The query’s slot started at zero, so after the layer it holds{" "}
        <TeX tex="-W_1 x_q" after=":" /> the prediction of one gradient step, up to its sign. The algebra
        takes three lines, and the figure checks it for any examples you care to make.
        <Sidenote>
          The code of this essay writes tokens as rows, so its matrices are the transposes of the paper’s. The
          constructed ones are symmetric, and look the same either way.
        </Sidenote>
      </p>
      <details className="predict">
        <summary>Before you drag: when you move one example, which of W_K, W_Q, W_V and P change?</summary>
        <p>
          None of them. They are built from the input size, <TeX tex="\eta" /> and <TeX tex="N" /> alone, and
          the check under them compares the matrices each computation was actually given. What does change is{" "}
          <TeX tex="W_{\text{eff}}" after="," /> the matrix the layer applies to the query, which the figure
          reads from the layer’s own computation: it follows every example you move.
        </p>
      </details>
      <Figure
        caption={
          <>
            One gradient step and one attention layer on the same examples. Drag an example (or focus it and
            use the arrow keys, with Shift for larger steps): gradient descent’s line is computed at once in
            64-bit arithmetic, and the layer’s predictions at the query points land on it when the backend
            named in the badge has computed them, in 32-bit floats. The readout gives their largest
            difference. Below, the layer’s parameters, which never move, and its effective weights, which
            always do. The d-D mode draws a random task in up to ten dimensions and lists its predictions
            instead.
          </>
        }
      >
        <InContextRegression id="gradient-descent-figure" />
      </Figure>
      <h3>More layers, more steps</h3>
      <p>
        After one constructed layer, each example’s output slot holds its residual{" "}
        <TeX tex="y_i - W_1 x_i" after="," /> the part of the target that the first step has not yet
        explained. A second identical layer therefore computes a gradient step from <TeX tex="W_1" /> rather
        than from zero, and so on: <TeX tex="K" /> stacked layers give exactly <TeX tex="K" /> steps. Move the{" "}
        <TeX tex="K" /> slider and watch the table under the readout: layer <TeX tex="k" /> and step{" "}
        <TeX tex="k" /> agree at every <TeX tex="k" /> while the loss falls.
      </p>
      <details className="predict">
        <summary>As K grows with η fixed, where does the line go?</summary>
        <p>
          Towards the least-squares line through the origin, the best fit a model <TeX tex="y = wx" /> can
          make to your examples, as gradient descent would. With examples bunched near <TeX tex="x = 0" /> the
          loss is flat in <TeX tex="w" /> and the steps are small, so even eight layers stop short of it. In
          this figure <TeX tex="\lvert x \rvert \le 1" /> and <TeX tex="\eta \le 1" after="," /> so a step can
          never overshoot.
        </p>
      </details>
      <h3>The two meanings again</h3>
      <p>
        This is where the two meanings of “weight” from Part I meet. The parameters{" "}
        <TeX tex="W_K, W_Q, W_V, P" /> are weights in the first sense: fixed numbers, the same for every
        context. <TeX tex="W_{\text{eff}}" /> is a weight in the second sense: a matrix computed from the
        input and then applied to part of it. The construction shows that the second kind can be, exactly, the
        output of a learning rule run on data in the context. So in this setting “the network learns during
        the forward pass” is not a pun on the word: the forward pass contains a gradient step, written out in
        full. It also shows why attention is the right tool for it. A gradient step multiplies targets by
        inputs, while a layer with fixed weights multiplies its input only by constants before its
        nonlinearity. Attention multiplies keys by queries and weights values by the result, the products of
        the input with itself that the discussion’s third voice singled out.
      </p>
      <h3>What the equivalence does not show</h3>
      <p>
        It is exact only for <strong>linear</strong> self-attention. The transformers people train put a
        softmax between the query–key products and the values, and a softmax layer does not reduce to this
        identity, so the exact result says nothing directly about it. The task is also special: regression on
        examples formatted as one token per pair, with a readout in a designated slot.
      </p>
      <p>
        The parameters here are <strong>constructed, not learned</strong>. The weightier finding is that
        linear attention layers trained on many such regression tasks arrived at parameters that behave like
        this construction, predicting as gradient descent with a tuned learning rate does; deeper trained
        models matched a variant of gradient descent rather than plain steps <Cite id="vonoswald2023" />.
        Others showed that transformers trained on such tasks predict close to least squares{" "}
        <Cite id="garg2022" />, and that they can represent gradient descent and closed-form ridge regression,
        with trained models resembling different algorithms at different sizes <Cite id="akyurek2023" />. The
        figure above does not repeat that finding: its parameters are the construction’s, set by hand. Part
        III does, training such a layer from random parameters in your browser.
      </p>
      <p>
        Nor does any of this show that a large language model runs gradient descent on its prompt. What it
        does show is narrower and firmer: a claim that attention can learn from its context in the forward
        pass can be stated precisely, and in this simple case it is a theorem. The skeptic’s demand, an extra
        argument for why computed coefficients deserve to be called learned weights, is met here by a proof
        that they are the weights a learning algorithm produces. Whether trained models use this freedom, and
        where, is an empirical question that the construction makes possible to ask; Part III asks it of small
        models trained in the page.
        <Sidenote>
          <TeX tex="P = (\eta/N)\,I" /> holds the number of examples, so adding an example changes it: the
          construction is for a fixed context length. Dragging an example never does.
        </Sidenote>
      </p>
    </EssaySection>
  );
}
