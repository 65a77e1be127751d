import katex from "katex";
import { type RefObject, useEffect, useMemo, useRef } from "react";

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
  const blockRef = useRef<HTMLDivElement>(null);
  useFocusableWhenScrolling(blockRef);
  // Safe only because `html` is KaTeX's rendering of our own constant TeX strings, and KaTeX
  // escapes the text it emits. Never pass reader-provided text (tokens, URL state) through here.
  if (display) {
    // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of constant TeX, see above.
    return <div ref={blockRef} className="math math-display" dangerouslySetInnerHTML={{ __html: html }} />;
  }
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of constant TeX, see above.
  const typeset = <span className="math" dangerouslySetInnerHTML={{ __html: html }} />;
  if (!after) return typeset;
  return (
    <span className="math-nowrap">
      {typeset}
      {after}
    </span>
  );
}

/**
 * A display equation wider than a phone scrolls sideways; a scrolling region must then be
 * reachable by keyboard, so it joins the tab order only while it actually overflows.
 */
function useFocusableWhenScrolling(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const check = () => {
      if (element.scrollWidth > element.clientWidth + 1) {
        element.tabIndex = 0;
        element.setAttribute("role", "group");
        element.setAttribute("aria-label", "Equation (scrolls sideways)");
      } else {
        element.removeAttribute("tabindex");
        element.removeAttribute("role");
        element.removeAttribute("aria-label");
      }
    };
    const observer = new ResizeObserver(check);
    observer.observe(element);
    check();
    return () => observer.disconnect();
  }, [ref]);
}
