import { useId } from "react";
import { useAttention } from "../../state/attentionContext";

/** The reader's sentence. The box keeps exactly what was typed; tokens are derived from it. */
export function TokenInput() {
  const text = useAttention((s) => s.text);
  const message = useAttention((s) => s.message);
  const count = useAttention((s) => s.tokens.length);
  const setText = useAttention((s) => s.setText);
  const inputId = useId();
  const messageId = useId();

  return (
    <div className="dw-token-input">
      <label htmlFor={inputId}>Your sentence</label>
      <input
        id={inputId}
        type="text"
        value={text}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={messageId}
        onChange={(event) => setText(event.target.value)}
      />
      <p id={messageId} className={`dw-message ${message ? `dw-message-${message.kind}` : ""}`} role="status">
        {message ? message.text : `${count} token${count === 1 ? "" : "s"}`}
      </p>
    </div>
  );
}
