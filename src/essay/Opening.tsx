import { Cite } from "./Cite";
import { TeX } from "./Math";

/** The anchor of the heading that states the two positions, for the table of contents. */
export const QUESTION_ID = "question";

/** The question the essay sets out to test, and the two readings of it. */
export function Opening() {
  return (
    <section aria-label="Introduction" className="opening column-layout">
      <p className="lede">
        Most layers of a neural network do one thing to what passes through them: multiply it by a matrix. The
        entries of that matrix are found by gradient descent during training and then frozen. Every input that
        arrives afterwards meets the same numbers. A two-layer perceptron computes{" "}
        <TeX tex="\sigma(XA^\top)B^\top" after=";" /> its activations change with the input{" "}
        <TeX tex="X" after="," /> but <TeX tex="A" /> and <TeX tex="B" /> stay exactly where training left
        them.
      </p>
      <p>
        Self-attention <Cite id="vaswani2017" /> looks different. From the tokens <TeX tex="X" /> it forms
        queries, keys and values, scores every query against every key with{" "}
        <TeX tex="QK^\top/\sqrt{d}" after="," /> turns each row of scores into positive numbers that sum to
        one with a softmax, and multiplies <TeX tex="V" /> by the result. That <TeX tex="n \times n" /> matrix
        of weights did not exist before the input arrived. It is computed from the input, and a different
        sentence produces a different matrix.
      </p>
      <h2 id={QUESTION_ID}>The question</h2>
      <p>
        In a forum thread about whether transformers could ever scale to general intelligence, one participant
        argued that this is what sets them apart: fully connected, convolutional and most recurrent networks
        never produce weights that are then applied to their own activations, while attention does so in every
        layer, which could let a trained model tune itself to the task described in its prompt, a kind of
        learning inside a single forward pass. A sceptic answered that the argument trades on two meanings of
        one word. “Weights” ordinarily means parameters, the numbers training finds and keeps. The entries of{" "}
        <TeX tex="\mathrm{softmax}(QK^\top/\sqrt{d})" /> are coefficients that multiply activations; calling
        them weights does not, on its own, make computing them a form of learning. What the sceptic did grant
        is that attention multiplies one function of the input by another, and that this widens what a network
        can compute.
      </p>
      <p>
        A third comment recast the point in terms of operations. An ordinary feed-forward network is a circuit
        of matrix products and ReLUs; a transpose appears only when training runs backpropagation. Attention
        puts a transpose, <TeX tex="K^\top" after="," /> and with it multiplicative interactions between
        inputs, into the forward pass, and that enlarges the family of circuits a network can cheaply express,
        including ones that store and recall something quickly.
      </p>
      <p>
        This essay does not settle the dispute by assertion. It turns each claim into something you can try.
        Below, you drag tokens and watch their rows of attention weights move while a fixed network's weights
        stay put. Later parts follow the argument further: linear attention read as fast weights written by
        outer products <Cite id="schlag2021" />, one attention layer as one step of gradient descent on the
        examples in its context <Cite id="vonoswald2023" />, and attention as retrieval from a Hopfield memory{" "}
        <Cite id="ramsauer2020" />. The first argument closed by asking for evidence that transformers really
        do learn from their context. Part III gathers some in miniature: tiny models trained in your browser,
        tested on tasks they have never seen with their parameters frozen, beside a network without attention
        trained the same way.
      </p>
    </section>
  );
}
