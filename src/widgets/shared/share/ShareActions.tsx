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

type SnippetKey = "link" | "iframe" | "element" | "citation" | "bibtex";

/** A snippet the panel shows: the snapshot's text under `key`, its field's label, its button, what copying says. */
interface SnippetKind {
  key: SnippetKey;
  label: string;
  button: string;
  copied: string;
}

/** Ways to put the figure elsewhere, above the downloads. */
const EMBED_SNIPPETS: readonly SnippetKind[] = [
  { key: "link", label: "Link to this state", button: "Copy link", copied: "Link copied" },
  { key: "iframe", label: "Iframe snippet", button: "Copy iframe snippet", copied: "Iframe snippet copied" },
  {
    key: "element",
    label: "Script-tag snippet",
    button: "Copy script-tag snippet",
    copied: "Script-tag snippet copied",
  },
];

/** Ways to cite it, below the downloads. */
const CITE_SNIPPETS: readonly SnippetKind[] = [
  { key: "citation", label: "Citation", button: "Copy citation", copied: "Citation copied" },
  { key: "bibtex", label: "BibTeX", button: "Copy BibTeX", copied: "BibTeX copied" },
];

/**
 * The share panel's contents: each snippet in a read-only field with a button that copies it,
 * and a button for each download. Every control is a real button with its own name.
 */
export function ShareActions<S>({ snapshot, refresh, root, doc, announce }: ShareActionsProps<S>) {
  const copy = async ({ key, copied }: SnippetKind) => {
    const ok = await copyText(doc(), refresh()[key]);
    announce(ok ? copied : COPY_FAILED);
  };
  const snippets = (kinds: readonly SnippetKind[]) =>
    kinds.map((kind) => (
      <Snippet
        key={kind.key}
        label={kind.label}
        value={snapshot[kind.key]}
        // A link fits on one line; snippets and citations wrap.
        multiline={kind.key !== "link"}
        button={kind.button}
        onCopy={() => copy(kind)}
      />
    ));
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
      {snippets(EMBED_SNIPPETS)}
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
      {snippets(CITE_SNIPPETS)}
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
