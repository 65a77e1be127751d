import { lazy } from "react";
import { Cite } from "../Cite";
import { Figure } from "../Figure";
import { TeX } from "../Math";
import { Sidenote } from "../Sidenote";
import { EssaySection, type SectionProps } from "./EssaySection";

// Loaded after the text paints: the figure brings d3, its store and the training worker.
const MlpVersusAttention = lazy(() =>
  import("../../widgets/MlpVersusAttention").then((module) => ({ default: module.MlpVersusAttention })),
);

const FLATTENED = String.raw`\bigl(x_1, y_1,\; x_2, y_2,\; \dots,\; x_{10}, y_{10},\; x_q\bigr) \in \mathbb{R}^{10 \cdot 11 + 10} = \mathbb{R}^{120}`;
const STEP = String.raw`\hat y_q \;=\; \frac{\eta}{N} \sum_{i=1}^{N} y_i \,\bigl(x_i^{\top} x_q\bigr) \;=\; \frac{\eta}{N} \sum_{i=1}^{N} \sum_{k=1}^{d} y_i\, x_{ik}\, x_{qk}`;

/** Part III, section 2: an MLP trained on the same tasks, and both models tested off their training distribution. */
export function MlpBaselineSection({ id, title }: SectionProps) {
  return (
    <EssaySection id={id} title={title}>
      <p>
        The sceptic asked a pointed question: if many layers that gradually “figure things out” count as an
        inner loop, why is training a deep convolutional network not meta-learning too? The last section’s
        answer only helps if a network without attention, trained the same way, does not end up with a
        learning algorithm in its forward pass. So here is one. It is a multilayer perceptron with a single
        hidden layer, narrow enough that it has about as many parameters as the attention layer, and it is
        given exactly the same numbers, written out as one vector:
      </p>
      <TeX display tex={FLATTENED} />
      <p>
        Both models are trained side by side, with the same optimiser and learning rate, on the same batches
        of tasks for the same number of steps. Nothing hides the examples from the MLP: every number the
        attention layer sees is one of its inputs.
      </p>
      <Figure
        caption={
          <>
            The attention layer and the MLP trained on identical batches, on the backend the controls name;
            the legend gives each model’s parameter count. The figure opens on a pretrained checkpoint; Train
            starts both again from random parameters. The table tests both trained models on tasks unlike the
            training ones, beside the zero predictor, the best single gradient step for each distribution, and
            one step with the learning rate read off the trained attention layer.
          </>
        }
      >
        <MlpVersusAttention id="mlp-versus-attention-figure" />
      </Figure>
      <p>
        The attention layer reaches the gradient-descent line as before. The MLP’s curve barely leaves the
        zero predictor’s: it has learned to predict roughly the average answer over all tasks, and not to use
        the examples. The reason is in what a gradient step computes:
      </p>
      <TeX display tex={STEP} />
      <p>
        Every term multiplies three numbers of the input together: a target, a coordinate of its example, and
        the same coordinate of the query. An MLP multiplies its inputs only by its parameters, then bends the
        result with a fixed nonlinearity; to form a product of two inputs it needs several hidden units for
        that one product, and this task needs a hundred of them, summed. Attention forms such products in one
        move: the query–key score is a product of input with input, and it weights a value that is input
        again. That is the multiplication of the input by itself from Part I, and the transpose that the
        discussion’s third voice said attention brings into the forward pass.
      </p>
      <h3>Off the training distribution</h3>
      <p>
        The discussion asked for more than good scores on familiar tasks: systematic meta-learning should
        carry over to tasks unlike the training ones. The table tests two such shifts, and they come out
        differently.
      </p>
      <p>
        <strong>Twenty examples instead of ten.</strong> The attention layer averages over however many
        examples it is given, so twenty examples are simply a gradient step on more data. With its learned
        rate the expected loss of that step drops from about 0.82 to about 0.62, without any parameter
        changing: the frozen model does better with more evidence, as a learning algorithm should. The MLP
        cannot even be asked. Its input has 120 numbers, and the eleventh example has nowhere to go; the limit
        is the architecture, not its training.
      </p>
      <details className="predict">
        <summary>
          Before you read the table: with inputs twice as large, will the trained attention layer beat the
          zero predictor?
        </summary>
        <p>
          No, by a wide margin. Doubling every input multiplies each term of the step by eight while the
          target only doubles, so a step tuned for the training inputs now overshoots fourfold. One gradient
          step with <TeX tex="\eta \approx 1.5" /> on such inputs has an expected loss near 34, five times the
          zero predictor’s 6.67; re-tuned to <TeX tex="\eta \approx 0.38" after="," /> it would score about
          3.3.
        </p>
      </details>
      <p>
        <strong>Inputs twice as large.</strong> Here the attention layer fails, and fails badly: its loss
        lands far above the zero predictor’s line. The learned algorithm is gradient descent with a learning
        rate fixed by training, and it inherits the weakness of that: a rate chosen for inputs in{" "}
        <TeX tex="[-1, 1]" /> overshoots when the inputs, and with them the curvature of the loss, grow. The
        table’s last column shows it: one gradient step with the rate read off the trained layer loses almost
        exactly what the layer loses, on every row. The rate lives in the parameters, so the frozen layer
        cannot re-tune it. The MLP, which learned to predict almost nothing, stays near the zero predictor and
        so wins this row, for the least interesting reason. What was meta-learned is a learning algorithm
        together with assumptions about the data it will meet, and it carries over only as far as those
        assumptions hold.
      </p>
      <h3>What the baseline does not show</h3>
      <p>
        It does not show that only attention can learn in its forward pass. Recurrent networks with fixed
        weights were meta-trained to learn new functions from a stream of examples two decades ago{" "}
        <Cite id="hochreiter2001" />, and <Cite id="kirsch2022" /> meta-trained transformers and other
        architectures into in-context learners and found them limited by the size of the state that determines
        the next prediction, more than by their parameter count. A much wider MLP could fit this task better
        on its training distribution. The comparison is narrower: at equal size and equal training, the
        network built to multiply its input by itself finds the learning algorithm, and the one that can only
        approximate such products does not.
        <Sidenote>
          The sceptic’s convolutional network is not a meta-learner in this sense, whatever its depth, unless
          its forward pass can be shown to fit something to examples it receives in its input. Depth alone
          does not make an inner loop; a behaviour that improves with the examples in the context, and a
          mechanism that explains it, does.
        </Sidenote>
      </p>
    </EssaySection>
  );
}
