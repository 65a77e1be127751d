import katex from "katex";
import { useMemo } from "react";

interface TeXProps {
  /** TeX source. Only constant strings written in this codebase, never reader input (see below). */
  tex: string;
  /** Display maths (a centred block) instead of inline. */
  display?: boolean;
  /**
   * Punctuation that follows inline maths ("," ";" "'s"). Rendered in the same unbreakable span,
   * because browsers may otherwise wrap between KaTeX's inline blocks and the next character.
   */
  after?: string;
}

/**
 * KaTeX-typeset maths, inline or display. Output is HTML for sighted readers plus MathML, which
 * KaTeX marks up so that screen readers read the MathML and skip the visual HTML.
 * Named `TeX`, not `Math`, so it never shadows the global `Math` in a file that imports it.
 */
export function TeX({ tex, display = false, after }: TeXProps) {
  const html = useMemo(
    () =>
      katex.renderToString(tex, {
        displayMode: display,
        // A typo in the TeX renders red source text instead of blanking the essay.
        throwOnError: false,
        output: "htmlAndMathml",
      }),
    [tex, display],
  );
  const Tag = display ? "div" : "span";
  const className = display ? "math math-display" : "math";
  // Safe only because `html` is KaTeX's rendering of our own constant TeX strings, and KaTeX
  // escapes the text it emits. Never pass reader-provided text (tokens, URL state) through here.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of constant TeX, see above.
  const typeset = <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
  if (display || !after) return typeset;
  return (
    <span className="math-nowrap">
      {typeset}
      {after}
    </span>
  );
}
