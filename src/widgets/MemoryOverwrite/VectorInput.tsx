import { useEffect, useId, useState } from "react";

interface VectorInputProps {
  /** The vector's name, e.g. "a"; each box is named "a, entry 1" for assistive technology. */
  name: string;
  value: readonly number[];
  limit: number;
  onChange(index: number, value: number): void;
}

const show = (x: number) => String(Math.round(x * 1000) / 1000);
const parse = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.trim().replace("−", "-")));
const valid = (x: number, limit: number) => Number.isFinite(x) && Math.abs(x) <= limit;

/**
 * A short editable vector. A box keeps what the reader typed while it is not a valid number and
 * says why inline; valid entries (within ±limit) go to `onChange` at once.
 */
export function VectorInput({ name, value, limit, onChange }: VectorInputProps) {
  const [drafts, setDrafts] = useState(() => value.map(show));
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  useEffect(() => {
    setDrafts((previous) => value.map((x, k) => (parse(previous[k] ?? "") === x ? previous[k] : show(x))));
  }, [value]);

  const edit = (index: number, text: string) => {
    setDrafts((previous) => previous.map((draft, k) => (k === index ? text : draft)));
    const parsed = parse(text);
    if (!Number.isFinite(parsed)) setProblem(`“${text}” is not a number; ${name} keeps its previous entry.`);
    else if (Math.abs(parsed) > limit) setProblem(`Entries are limited to ±${limit}.`);
    else {
      setProblem(null);
      onChange(index, parsed);
    }
  };

  return (
    <fieldset className="dw-ow-vector" aria-describedby={problem ? problemId : undefined}>
      <legend>{name}</legend>
      {drafts.map((draft, index) => (
        <input
          // biome-ignore lint/suspicious/noArrayIndexKey: entry i of a fixed-length vector
          key={index}
          type="text"
          inputMode="decimal"
          aria-label={`${name}, entry ${index + 1}`}
          // A valid entry is in the store already; a restored value may just show rounded.
          aria-invalid={!valid(parse(draft), limit) || undefined}
          value={draft}
          onChange={(event) => edit(index, event.target.value)}
        />
      ))}
      {problem ? (
        <p id={problemId} className="dw-message dw-message-warning" role="alert">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
