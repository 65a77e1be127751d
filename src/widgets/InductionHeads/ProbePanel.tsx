import { useId } from "react";
import { tokenName } from "../../core/inductionTasks";
import type { InductionProbeResult } from "../../core/training";
import { copyScore } from "./copyScore";
import { INDUCTION_MODELS } from "./inductionTask";
import type { InductionProbe } from "./useInductionProbe";

const EXAMPLE = "d k f a o m h d k f a o m h";

/** "The 2-layer model predicts the next token in 6 of 6 repeated positions; the 1-layer model in 1 of 6." */
export function copySummary(result: InductionProbeResult): string {
  const scores = INDUCTION_MODELS.flatMap((m) => {
    const next = result.next[m.id];
    return next ? [{ name: m.name, score: copyScore(result.tokens, next) }] : [];
  });
  const repeated = scores[0]?.score.repeated.length ?? 0;
  if (scores.length === 0) return "";
  if (repeated === 0) {
    return "Your sequence repeats no pair of tokens yet: type part of it again to see whether the models copy it.";
  }
  const [first, ...rest] = scores;
  return (
    `The ${first.name} model predicts the next token in ${first.score.correct} of ${repeated} repeated positions` +
    rest.map((s) => `; the ${s.name} model in ${s.score.correct} of ${repeated}`).join("") +
    "."
  );
}

/** Per position: the token, the actual next one, and each model's most likely next token with its probability. */
function PredictionTable({ result }: { result: InductionProbeResult }) {
  const { tokens } = result;
  const scores = new Map(
    INDUCTION_MODELS.map((m) => [m.id, copyScore(tokens, result.next[m.id] ?? [])] as const),
  );
  const repeated = new Set(scores.get("twoLayer")?.repeated ?? []);
  return (
    <div className="dw-ih-predictions">
      <table className="dw-ih-table">
        <caption>
          Each model’s most likely next token (probability); ✓ marks a right copy in the repeated part
        </caption>
        <thead>
          <tr>
            <th scope="row">Position</th>
            {tokens.map((_, t) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a column is a position
              <th key={t} scope="col" data-repeated={repeated.has(t) || undefined}>
                {t + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Your token</th>
            {tokens.map((id, t) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a column is a position
              <td key={t}>{tokenName(id)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Next token</th>
            {tokens.map((_, t) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a column is a position
              <td key={t}>{t + 1 < tokens.length ? tokenName(tokens[t + 1]) : "–"}</td>
            ))}
          </tr>
          {INDUCTION_MODELS.map((m) => {
            const next = result.next[m.id];
            if (!next) return null;
            return (
              <tr key={m.id} data-model={m.id}>
                <th scope="row">{m.name} predicts</th>
                {next.map((p, t) => {
                  const copied = repeated.has(t) && p.token === tokens[t + 1];
                  return (
                    <td
                      // biome-ignore lint/suspicious/noArrayIndexKey: a column is a position
                      key={t}
                      data-token={p.token}
                      data-probability={p.probability}
                      data-copied={copied || undefined}
                    >
                      {tokenName(p.token)}{" "}
                      <span className="dw-ih-probability">{p.probability.toFixed(2)}</span>
                      {copied ? (
                        <span aria-label="copied right" role="img">
                          {" "}
                          ✓
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * "Type a sequence to test": the reader's tokens go through both models; the table says what
 * each predicts next at every position, and a sentence counts the right copies where the sequence
 * repeats. Bad input is kept in the box and explained under it.
 */
export function ProbePanel({ probe }: { probe: InductionProbe }) {
  const inputId = useId();
  const messageId = useId();
  const { text, tokens, message, result, failure, pending } = probe;
  const status =
    message ??
    (tokens.length === 0
      ? `Letters a–p, e.g. “${EXAMPLE}”; the maps below then show your sequence.`
      : `${tokens.length} tokens${pending ? ", asking the models…" : ""}`);
  return (
    <section
      className="dw-panel dw-ih-probe"
      data-kind="probe"
      aria-label="Test the models on your own sequence"
    >
      <div className="dw-token-input">
        <label htmlFor={inputId}>Type a sequence to test</label>
        <input
          id={inputId}
          type="text"
          value={text}
          spellCheck={false}
          autoComplete="off"
          placeholder={EXAMPLE}
          aria-describedby={messageId}
          aria-invalid={message !== null && text.trim() !== "" ? true : undefined}
          onChange={(event) => probe.setText(event.target.value)}
        />
        <p
          id={messageId}
          className={`dw-message${message ? " dw-message-warning" : ""}`}
          role="status"
          data-readout="probe-message"
        >
          {status}
        </p>
      </div>
      {failure ? (
        <p className="dw-message dw-message-warning" role="alert">
          The models could not read your sequence ({failure}).
        </p>
      ) : null}
      {result ? (
        <>
          <p data-readout="copy-score">{copySummary(result)}</p>
          <PredictionTable result={result} />
        </>
      ) : null}
    </section>
  );
}
