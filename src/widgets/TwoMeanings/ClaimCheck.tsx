import { useId, useState } from "react";
import { type Claim, claims, MEANING_LABEL, type Meaning } from "./claims";
import "../shared/widget.css";
import "./twoMeanings.css";

const MEANINGS: readonly Meaning[] = ["parameters", "coefficients", "both"];

function ClaimItem({ claim }: { claim: Claim }) {
  const [choice, setChoice] = useState<Meaning | null>(null);
  const [revealed, setRevealed] = useState(false);
  const name = useId();
  const verdictId = useId();
  const correct = choice === claim.answer;

  return (
    <li className="dw-claim" data-claim={claim.id}>
      <fieldset aria-describedby={revealed ? verdictId : undefined}>
        <legend>“{claim.statement}” Which meaning of weight makes this true?</legend>
        <div className="dw-claim-choices">
          {MEANINGS.map((meaning) => (
            <label key={meaning}>
              <input
                type="radio"
                name={name}
                value={meaning}
                checked={choice === meaning}
                onChange={() => {
                  setChoice(meaning);
                  setRevealed(false);
                }}
              />{" "}
              {MEANING_LABEL[meaning]}
            </label>
          ))}
        </div>
        <button type="button" onClick={() => setRevealed(true)}>
          {choice ? "Check my answer" : "Reveal the answer"}
        </button>
        {revealed ? (
          <p
            id={verdictId}
            className="dw-claim-verdict"
            role="status"
            data-verdict={choice ? String(correct) : "shown"}
          >
            <strong>
              {choice === null ? "Answer: " : correct ? "Yes. " : "Not quite. The answer is: "}
              {choice === null || !correct ? MEANING_LABEL[claim.answer] : null}
            </strong>{" "}
            {claim.explanation}
          </p>
        ) : null}
      </fieldset>
    </li>
  );
}

/** Statements about "weights": the reader picks the meaning under which each is true, then reveals. */
export function ClaimCheck({ id }: { id: string }) {
  return (
    <div className="dw-widget dw-claim-check" id={id}>
      <ol className="dw-claims">
        {claims.map((claim) => (
          <ClaimItem key={claim.id} claim={claim} />
        ))}
      </ol>
    </div>
  );
}
