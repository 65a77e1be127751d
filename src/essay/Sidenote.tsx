import "./sidenote.css";
import { type ReactNode, useId, useState } from "react";

/**
 * A numbered margin note. On wide screens it sits in the margin beside its line; on narrow ones
 * the number is a button that opens the note in place. Numbers come from a CSS counter, so notes
 * are numbered in reading order wherever they are added.
 */
export function Sidenote({ children }: { children: ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="sidenote-ref"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((shown) => !shown)}
      >
        <span className="visually-hidden">Margin note </span>
      </button>
      <span id={id} role="note" className={open ? "sidenote sidenote-open" : "sidenote"}>
        {children}
      </span>
    </>
  );
}
