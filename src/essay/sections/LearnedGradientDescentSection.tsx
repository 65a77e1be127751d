import { lazy } from "react";
import { Cite } from "../Cite";
import { Figure } from "../Figure";
import { TeX } from "../Math";
import { Sidenote } from "../Sidenote";
import { EssaySection, type SectionProps } from "./EssaySection";

// Loaded after the text paints: the figure brings d3, its store and the training worker.
const TrainedGradientDescent = lazy(() =>
  import("../../widgets/TrainedGradientDescent").then((module) => ({
    default: module.TrainedGradientDescent,
  })),
);

const TASKS = String.raw`w \sim \mathcal{N}(0, I_d),\qquad x_1, \dots, x_N,\, x_q \sim \mathcal{U}[-1, 1]^d,\qquad y_i = w^{\top} x_i,\qquad d = N = 10`;
const LOSS = String.raw`L = \tfrac12\,\mathbb{E}\bigl[(\hat y_q - y_q)^2\bigr],\qquad \hat y_q = 0 \;\Rightarrow\; L = \tfrac12\, d\,\mathbb{E}[x^2] = \tfrac{10}{6} \approx 1.67`;
const PRECONDITIONER = String.raw`\hat y_q \;=\; x_q^{\top} A\, \frac{1}{N}\sum_{i=1}^{N} y_i\, x_i \;+\; (\text{terms that do not change sign with } w),\qquad A = \eta I \;\Leftrightarrow\; \text{one gradient step}`;

/** Part III, section 1: a linear self-attention layer trained from random parameters finds Part II's gradient step. */
export function LearnedGradientDescentSection({ id, title }: SectionProps) {
  return (
    <EssaySection id={id} title={title}>
      <p>
        The argument that opened the discussion ended on a demand. Pointing at the dynamic weights of
        attention is not enough, its author conceded; someone would have to show that transformers actually
        perform meta-learning, picking up a new task from the few examples in front of them and carrying it
        beyond the familiar. The sceptic’s reply said what that would have to mean: an inner loop that is a
        learning algorithm, and an outer loop that learns how the inner one works. Large language models do
        pick up tasks from examples in their prompt <Cite id="brown2020" />, but they are far too large to
        look inside. Part III sets up that test in miniature, in your browser: tiny models start from random
        parameters, train on many small tasks, and are then tested on tasks they have never seen, with every
        parameter frozen.
      </p>
      <p>
        The two loops are then easy to point at. The <strong>outer loop</strong> is training: Adam{" "}
        <Cite id="kingma2015" /> adjusts the parameters, batch after batch, over thousands of different tasks.
        The <strong>inner loop</strong> is a single forward pass over one task’s examples. If anything is
        learned from those examples, it is learned there, in the weights of the second sense, because the
        parameters no longer move.
      </p>
      <h3>Tasks that cannot be memorised</h3>
      <p>The tasks are Part II’s regressions, drawn afresh for every sequence the model sees:</p>
      <TeX display tex={TASKS} />
      <p>
        A model is shown the ten pairs <TeX tex="(x_i, y_i)" /> and the query <TeX tex="x_q" after="," /> and
        must predict <TeX tex="y_q" after="." /> Because <TeX tex="w" /> is new every time, no answer can be
        stored in the parameters; the only way to do better than a guess is to use the examples. Two numbers
        mark the scale. A model that ignores the context can do no better than predict zero, the mean over all
        tasks:
      </p>
      <TeX display tex={LOSS} />
      <p>
        One gradient step on the examples, as in Part II, does much better if its learning rate is chosen
        well. The best rate for this distribution is <TeX tex="\eta^* \approx 1.52" after="," /> and one step
        with it has an expected loss of about 0.82, half the zero predictor’s. The figure draws both as
        reference lines, computed exactly from the distribution.
        <Sidenote>
          If the ten examples pinned down the inputs’ covariance exactly, the best step would be{" "}
          <TeX tex="\eta = 1/\mathbb{E}[x^2] = 3" after="," /> and a single step would land on{" "}
          <TeX tex="w" after="." /> Ten examples in ten dimensions estimate it poorly, a full step overshoots
          along the directions they exaggerate, and the best compromise is about half of that.
        </Sidenote>
      </p>
      <h3>One layer, trained</h3>
      <p>
        The model is a single layer of linear self-attention, the layer of Part II with its sum over the
        examples divided by <TeX tex="N" after="." /> Its four <TeX tex="11 \times 11" /> matrices{" "}
        <TeX tex="W_K, W_Q, W_V, P" /> start as small random numbers, 484 parameters in all, and nothing in
        the model mentions gradients or learning rates. Train it and watch where its loss goes.
      </p>
      <details className="predict">
        <summary>Before you train: what learning rate will the trained layer end up using?</summary>
        <p>
          About 1.5, the best rate for one step. Whatever its parameters, the layer’s prediction has the form
          below, and training can only lower the loss by moving <TeX tex="A" /> towards{" "}
          <TeX tex="\eta^* I" after="." /> The readout under the figure reads <TeX tex="\eta" /> off the
          trained matrices.
        </p>
      </details>
      <Figure
        caption={
          <>
            One linear self-attention layer trained with Adam on random regression tasks, on the backend the
            controls name. The figure opens on a pretrained checkpoint; Train starts again from random
            parameters and a seed you choose. The chart gives the loss on a fixed set of test tasks, with the
            zero predictor and the best single gradient step as dashed lines. The heatmaps give the learned
            products <TeX tex="W_Q W_K^{\top}" /> and <TeX tex="W_V P" /> beside Part II’s construction, and
            the matrix <TeX tex="A" /> the layer applies, with the learning rate it implies. <TeX tex="W_Q" />{" "}
            and <TeX tex="W_K" /> are shown only as a product, because any invertible matrix inserted between
            them and undone in the other leaves the layer unchanged.
          </>
        }
      >
        <TrainedGradientDescent id="learned-gd-figure" />
      </Figure>
      <p>
        The loss falls from the zero predictor’s line to the gradient-descent line and stops there. The
        matrices tell why. Expand the layer’s output for the query token <TeX tex="(x_q, 0)" /> and its
        prediction splits into two parts:
      </p>
      <TeX display tex={PRECONDITIONER} />
      <p>
        where <TeX tex="A" /> is a <TeX tex="10 \times 10" /> matrix made of entries of{" "}
        <TeX tex="W_Q W_K^{\top}" /> and <TeX tex="W_V P" after="." /> The second part stays the same when the
        task changes sign, <TeX tex="w" /> to <TeX tex="-w" after="," /> while the target flips, so it cannot
        help predict <TeX tex="y_q" /> and training pushes it towards zero. The first part is a gradient step
        from <TeX tex="w = 0" /> when <TeX tex="A" /> is a multiple of the identity, and a preconditioned step
        otherwise. The trained <TeX tex="A" /> ends up close to <TeX tex="\eta I" /> with <TeX tex="\eta" />{" "}
        near <TeX tex="\eta^*" after="," /> and in the blocks the prediction uses, the learned products take
        the pattern of the construction: keys and queries that compare inputs with inputs, values that carry
        the targets. The other entries never reach the prediction, so training leaves them wherever they
        drift. Von Oswald and colleagues reported the same for linear self-attention layers trained on such
        tasks <Cite id="vonoswald2023" />; here you can watch it happen.
        <Sidenote>
          Why the gradient-descent line is a floor for this layer: the loss is a convex quadratic in{" "}
          <TeX tex="A" after="," /> and the distribution of tasks is unchanged by permuting or negating input
          coordinates, so the best <TeX tex="A" /> is unchanged by them too, which only multiples of the
          identity are. One layer can do no better than one well-tuned gradient step. For Gaussian inputs of
          any covariance, <Cite id="ahn2023" /> proved that the best single layer takes one preconditioned
          step.
        </Sidenote>
      </p>
      <h3>What was learned, and where</h3>
      <p>
        Nobody wrote gradient descent into this model. The outer loop, Adam on the parameters, found
        parameters whose forward pass performs a gradient step on whatever examples arrive, with a learning
        rate tuned to the tasks it trained on. At test time the parameters are frozen, and still the matrix
        the layer applies to each query, <TeX tex="W_{\text{eff}}" /> in Part II’s terms, is fitted to that
        query’s own examples. That is meta-learning in the sceptic’s own definition: the inner loop is a
        learning algorithm, and training shaped it.
      </p>
      <p>
        It is also a modest result, and the sceptic can say so. The layer is linear, and its family of
        functions is small enough that the best member is, provably, a gradient step; training had little else
        to find. The tasks are synthetic and built to suit attention: one token per example, targets in a slot
        of their own. Nothing here is a softmax transformer, and nothing says how a language model uses its
        prompt. What the experiment does settle is a narrower question the discussion could not: whether
        training alone, given only examples and a loss, puts a learning algorithm into the forward pass. In
        this small case it does. The next section asks whether that is a property of attention or of any
        network trained this way.
      </p>
    </EssaySection>
  );
}
