import { useId } from "react";
import { useBilinear } from "../../state/bilinearContext";
import { roleColor } from "../../viz/palette";

/** Choose the query token i and the key token j of the score s_ij. */
export function TokenPickers() {
  const tokens = useBilinear((s) => s.tokens);
  const query = useBilinear((s) => s.query);
  const key = useBilinear((s) => s.key);
  const setQuery = useBilinear((s) => s.setQuery);
  const setKey = useBilinear((s) => s.setKey);
  const queryId = useId();
  const keyId = useId();
  const options = tokens.map((token, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: repeated tokens are told apart by position
    <option key={index} value={index}>
      {index + 1}. {token}
    </option>
  ));

  return (
    <div className="dw-bilinear-pickers">
      <label htmlFor={queryId}>
        <span className="dw-swatch" style={{ background: roleColor("query") }} aria-hidden="true" />
        Query token i
      </label>
      <select id={queryId} value={query} onChange={(event) => setQuery(Number(event.target.value))}>
        {options}
      </select>
      <label htmlFor={keyId}>
        <span className="dw-swatch" style={{ background: roleColor("key") }} aria-hidden="true" />
        Key token j
      </label>
      <select id={keyId} value={key} onChange={(event) => setKey(Number(event.target.value))}>
        {options}
      </select>
    </div>
  );
}
