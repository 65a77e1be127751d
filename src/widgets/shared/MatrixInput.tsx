import { useEffect, useId, useState } from "react";
import type { Matrix } from "../../core/matrix";

interface MatrixInputProps {
  /** Shown above the grid and used in each entry's accessible name, e.g. "W_Q". */
  label: string;
  value: Matrix;
  /** Largest |entry| accepted. */
  limit: number;
  onChange(i: number, j: number, value: number): void;
  /** CSS colour of the swatch beside the label, e.g. the query colour for W_Q (text stays ink for contrast). */
  accent?: string;
}

const show = (x: number) => String(Math.round(x * 1000) / 1000);
const parse = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.trim().replace("−", "-")));

/**
 * An editable matrix. Each box keeps what the reader typed while it is not a valid number
 * (so nothing typed is lost) and says why inline; valid entries go to `onChange` at once.
 */
export function MatrixInput({ label, value, limit, onChange, accent }: MatrixInputProps) {
  const [drafts, setDrafts] = useState(() => Array.from(value.data, show));
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  // A preset changed the matrix: show its entries. A draft that already means the stored number
  // ("0." while typing "0.5") is left alone, so typing is never interrupted.
  useEffect(() => {
    setDrafts((previous) =>
      Array.from(value.data, (x, k) => (parse(previous[k] ?? "") === x ? previous[k] : show(x))),
    );
    setProblem(null);
  }, [value]);

  const edit = (index: number, text: string) => {
    setDrafts((previous) => previous.map((draft, k) => (k === index ? text : draft)));
    const parsed = parse(text);
    if (!Number.isFinite(parsed)) {
      setProblem(`"${text}" is not a number; the matrix keeps its previous entry.`);
    } else if (Math.abs(parsed) > limit) {
      setProblem(`Entries are limited to ±${limit}; larger ones only saturate the softmax.`);
    } else {
      setProblem(null);
      onChange(Math.floor(index / value.cols), index % value.cols, parsed);
    }
  };

  return (
    <fieldset className="dw-matrix" aria-describedby={problem ? problemId : undefined}>
      <legend>
        {accent ? <span className="dw-swatch" style={{ background: accent }} aria-hidden="true" /> : null}
        {label}
      </legend>
      <div className="dw-matrix-grid" style={{ gridTemplateColumns: `repeat(${value.cols}, 4.5em)` }}>
        {drafts.map((draft, index) => {
          const i = Math.floor(index / value.cols);
          const j = index % value.cols;
          return (
            <input
              // Entries are fixed positions of a fixed-shape matrix.
              // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity here
              key={index}
              type="text"
              inputMode="decimal"
              aria-label={`${label} row ${i + 1}, column ${j + 1}`}
              aria-invalid={parse(draft) !== value.data[index] || undefined}
              value={draft}
              onChange={(event) => edit(index, event.target.value)}
            />
          );
        })}
      </div>
      {problem ? (
        <p id={problemId} className="dw-message dw-message-warning" role="alert">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
