import { lazy } from "react";
import { Cite } from "../Cite";
import { Figure } from "../Figure";
import { TeX } from "../Math";
import { Sidenote } from "../Sidenote";
import { EssaySection, type SectionProps } from "./EssaySection";

// Loaded after the text paints: the figure brings d3, its store and the engine.
const TwoMeanings = lazy(() =>
  import("../../widgets/TwoMeanings").then((module) => ({ default: module.TwoMeanings })),
);
const ClaimCheck = lazy(() =>
  import("../../widgets/TwoMeanings").then((module) => ({ default: module.ClaimCheck })),
);

const WEIGHTED_SUM = String.raw`o_i = \sum_j A_{ij}\, v_j,\qquad A = \mathrm{softmax}\!\left(\frac{XW_Q\,(XW_K)^\top}{\sqrt{d}}\right)`;

/** Section 6: parameters versus input-computed coefficients, over many inputs, and the argument about them. */
export function TwoMeaningsSection({ id, title }: SectionProps) {
  return (
    <EssaySection id={id} title={title}>
      <p>
        The word “weight” has been doing two jobs in this essay. In the first sense, weights are{" "}
        <strong>parameters</strong>: the numbers training sets by gradient descent, such as{" "}
        <TeX tex="W_Q, W_K, W_V" /> or the MLP’s <TeX tex="A" /> and <TeX tex="B" after="." /> Once training
        stops they are frozen, and every input meets the same ones. In the second sense, a weight is any{" "}
        <strong>coefficient that multiplies an activation</strong> in a weighted sum. The entries of
        attention’s matrix are weights in this second sense, since each output is a weighted average of the
        values,
      </p>
      <TeX display tex={WEIGHTED_SUM} />
      <p>
        but they are not parameters: they are computed, afresh, from whatever input arrives. The figure makes
        the distinction concrete. It draws <TeX tex="K" /> random sentences and runs each through the same
        attention head.
      </p>
      <details className="predict">
        <summary>
          Before you move the slider: as K goes from 1 to 50, how many different W_Q does panel (a) need?
        </summary>
        <p>
          One. Panel (a) draws a single heatmap for each parameter matrix because there is only one, and the
          check beneath it compares the matrices each of the <TeX tex="K" /> computations actually received:
          the largest difference is exactly 0. Panel (b) needs <TeX tex="K" /> heatmaps, and the summary above
          them measures how far apart they are.
        </p>
      </details>
      <Figure
        caption={
          <>
            The same parameters, many inputs. (a) <TeX tex="W_Q" after="," /> <TeX tex="W_K" after="," />{" "}
            <TeX tex="W_V" after="," /> shared by every input, with a computed check that they are identical.
            (b) The attention weights <TeX tex="A" /> of each input, computed on the backend named in the
            badge. Change the seed to draw new sentences, move the slider for more of them, or pick other
            parameters.
          </>
        }
      >
        <TwoMeanings id="two-meanings-figure" />
      </Figure>
      <h3>Whose meaning does the argument need?</h3>
      <p>
        The discussion this essay started from turns on this distinction. One side argued that attention
        generates weights on the fly and applies them to activations, something fixed-weight networks do not
        do, and that a network shaping those weights to fit its context is doing a kind of learning, or
        meta-learning, within a single forward pass.
      </p>
      <p>
        The skeptical reply deserves to be stated at full strength. In ordinary usage, weights are what
        gradient descent finds, and at inference time a transformer’s parameters do not change; by that
        definition nothing is learned online. Calling the entries of <TeX tex="A" /> “weights” and then
        concluding that attention “updates its weights”, and therefore learns, borrows the second meaning’s
        facts and the first meaning’s significance. Every network’s activations depend on its input; an extra
        argument is needed for why input-dependent numbers earn the status of learned weights just because
        they sit in a matrix that multiplies other activations. And if many processing steps that
        progressively “figure things out” counted as an inner learning loop, a deep convolutional network
        would be a meta-learner too.
      </p>
      <p>
        The reply to the reply is not that the words should be merged, but that the second kind of weight has
        real consequences. Because <TeX tex="A" /> is computed from the whole context and then used as a
        matrix, the function applied to the values is chosen by the input: the sentence decides which tokens
        are averaged with which. That is what lets a fixed set of parameters behave differently, in a
        structured way, for each context, and it is the mechanism behind behaviour that looks like learning
        from the examples in a prompt. In some settings this can be made exact. Linear attention can be
        rewritten as a network that writes a weight matrix with outer products of keys and values and then
        reads it with queries, a fast weight programmer <Cite id="schlag2021" />.
        <Sidenote>
          The idea that a network could have slow weights, learned by gradient descent, and fast weights,
          written by the network itself while it runs, is older than transformers: it goes back at least to{" "}
          <Cite id="schmidhuber1992" />, and was revived for recurrent networks by <Cite id="ba2016" />.
        </Sidenote>{" "}
        And a single layer of linear self-attention can be constructed so that its output equals one step of
        gradient descent on a regression loss over the examples in its context, with trained transformers
        found to match that construction closely <Cite id="vonoswald2023" />.
      </p>
      <p>
        These results support the proponent without settling the question by vocabulary: they are theorems
        about particular architectures and empirical findings about particular trained models, not
        consequences of calling <TeX tex="A" /> a weight matrix. A fair summary is that a claim relying on the
        first meaning (“the parameters change during inference”) is false for transformers, a claim relying on
        the second (“the coefficients are computed from the input”) is true but, on its own, does not amount
        to learning, and the interesting claim lies between them: that the computed coefficients can implement
        an update rule that deserves the name. Part II of this essay tests that claim directly, with fast
        weights and with gradient descent in context.
      </p>
      <h3>Claim check</h3>
      <p>
        For each statement, choose the meaning of “weight” under which it is true, then check your answer.
      </p>
      <Figure caption={<>Which meaning of “weight” does each statement rely on?</>}>
        <ClaimCheck id="two-meanings-claims" />
      </Figure>
    </EssaySection>
  );
}
