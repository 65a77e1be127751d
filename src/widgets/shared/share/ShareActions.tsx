import { useId } from "react";
import { copyText } from "./clipboard";
import { downloadBlob } from "./download";
import { matrixLabel } from "./exportData";
import { csvFile, jsonFile, pngFile, type ShareFile, svgFile } from "./shareFiles";
import type { ShareSnapshot } from "./shareSnapshot";

export interface ShareActionsProps<S> {
  /** What the panel shows: the state when the menu opened or the last action ran. */
  snapshot: ShareSnapshot<S>;
  /** Takes (and shows) a fresh snapshot: every action works on the figure as it is now. */
  refresh(): ShareSnapshot<S>;
  /** The widget's root, whose drawings are exported. */
  root(): HTMLElement | null;
  /** The document the widget lives in (an iframe's, or the one around a shadow root). */
  doc(): Document;
  /** Says something in the menu's polite live region. */
  announce(message: string): void;
}

export const COPY_FAILED = "Copy failed: select the text and copy it";

/**
 * The share panel's contents: each snippet in a read-only field with a button that copies it,
 * and a button for each download. Every control is a real button with its own name.
 */
export function ShareActions<S>({ snapshot, refresh, root, doc, announce }: ShareActionsProps<S>) {
  const copy = async (pick: (s: ShareSnapshot<S>) => string, done: string) => {
    const copied = await copyText(doc(), pick(refresh()));
    announce(copied ? done : COPY_FAILED);
  };
  const save = async (make: (s: ShareSnapshot<S>) => ShareFile | Promise<ShareFile>) => {
    try {
      const file = await make(refresh());
      downloadBlob(doc(), file.blob, file.filename);
      announce(`Downloaded ${file.filename}`);
    } catch (error) {
      announce(`Could not make the file: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const drawn = (make: (root: HTMLElement, s: ShareSnapshot<S>) => ShareFile | Promise<ShareFile>) => () =>
    save((s) => {
      const element = root();
      if (!element) throw new Error("the figure is not on the page.");
      return make(element, s);
    });

  return (
    <>
      <Snippet
        label="Link to this state"
        value={snapshot.link}
        button="Copy link"
        onCopy={() => copy((s) => s.link, "Link copied")}
      />
      <Snippet
        label="Iframe snippet"
        value={snapshot.iframe}
        multiline
        button="Copy iframe snippet"
        onCopy={() => copy((s) => s.iframe, "Iframe snippet copied")}
      />
      <Snippet
        label="Script-tag snippet"
        value={snapshot.element}
        multiline
        button="Copy script-tag snippet"
        onCopy={() => copy((s) => s.element, "Script-tag snippet copied")}
      />
      <fieldset className="dw-share-downloads">
        <legend>Downloads</legend>
        <div className="dw-share-download-buttons">
          <button type="button" onClick={drawn(svgFile)}>
            Download SVG
          </button>
          <button type="button" onClick={drawn(pngFile)}>
            Download PNG
          </button>
          <button type="button" onClick={() => save(jsonFile)}>
            Download JSON
          </button>
          {snapshot.matrices.map((matrix) => (
            <button
              type="button"
              key={matrix.key}
              onClick={() =>
                save((s) => {
                  const fresh = s.matrices.find((m) => m.key === matrix.key);
                  if (!fresh) throw new Error(`the figure has no ${matrix.key} now.`);
                  return csvFile(s, fresh);
                })
              }
            >
              Download {matrixLabel(matrix)}
            </button>
          ))}
        </div>
      </fieldset>
      <Snippet
        label="Citation"
        value={snapshot.citation}
        multiline
        button="Copy citation"
        onCopy={() => copy((s) => s.citation, "Citation copied")}
      />
      <Snippet
        label="BibTeX"
        value={snapshot.bibtex}
        multiline
        button="Copy BibTeX"
        onCopy={() => copy((s) => s.bibtex, "BibTeX copied")}
      />
    </>
  );
}

interface SnippetProps {
  label: string;
  value: string;
  button: string;
  multiline?: boolean;
  onCopy(): void;
}

/** A read-only field (for copying by hand when the clipboard is refused) and its copy button. */
function Snippet({ label, value, button, multiline = false, onCopy }: SnippetProps) {
  const fieldId = useId();
  const select = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    event.currentTarget.select();
  return (
    <div className="dw-share-snippet">
      <label htmlFor={fieldId}>{label}</label>
      {multiline ? (
        <textarea id={fieldId} readOnly value={value} rows={3} spellCheck={false} onFocus={select} />
      ) : (
        <input id={fieldId} readOnly value={value} spellCheck={false} onFocus={select} />
      )}
      <button type="button" onClick={onCopy}>
        {button}
      </button>
    </div>
  );
}
