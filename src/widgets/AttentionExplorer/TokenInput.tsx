import { useAttention } from "../../state/attentionContext";
import { TokenField } from "../shared/TokenField";

/** The reader's sentence, wired to this explorer's store. */
export function TokenInput() {
  const text = useAttention((s) => s.text);
  const message = useAttention((s) => s.message);
  const count = useAttention((s) => s.tokens.length);
  const setText = useAttention((s) => s.setText);
  return <TokenField text={text} message={message} count={count} onChange={setText} />;
}
