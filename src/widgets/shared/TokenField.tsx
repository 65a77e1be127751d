import { useId } from "react";
import type { InlineMessage } from "../../state/tokenPoints";

interface TokenFieldProps {
  text: string;
  message: InlineMessage | null;
  /** Tokens shown (after the limit), for the status line. */
  count: number;
  onChange(text: string): void;
}

/**
 * The reader's sentence for any token widget. The box keeps exactly what was typed; tokens are
 * derived from it by the store, and the line under it says how many there are or what is wrong.
 */
export function TokenField({ text, message, count, onChange }: TokenFieldProps) {
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
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={messageId} className={`dw-message ${message ? `dw-message-${message.kind}` : ""}`} role="status">
        {message ? message.text : `${count} token${count === 1 ? "" : "s"}`}
      </p>
    </div>
  );
}
