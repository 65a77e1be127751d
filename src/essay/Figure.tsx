import { Component, type ErrorInfo, isValidElement, type ReactNode, Suspense, useRef } from "react";
import { useNearViewport } from "../widgets/shared/useNearViewport";

interface BoundaryState {
  error: Error | null;
}

/**
 * Keeps one broken widget from blanking the essay: the prose around it still reads, and the
 * failure is said in place instead of silently leaving a hole.
 */
export class FigureBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("Figure failed to render", error, info.componentStack);
  }

  render() {
    if (this.state.error) {
      return (
        <div role="alert" className="figure-error">
          This interactive figure could not start ({this.state.error.message}). The text still stands on its
          own; reloading the page may help.
        </div>
      );
    }
    return this.props.children;
  }
}

interface FigureProps {
  caption: ReactNode;
  children: ReactNode;
}

/**
 * A figure that may be wider than the text column on wide screens. A lazily loaded widget shows a
 * placeholder while its code arrives; a widget that fails (or whose code fails to load) shows a message.
 */
export function Figure({ caption, children }: FigureProps) {
  // Figures start when the reader comes near them: their code, tfjs and their first compute wait
  // until then, and a page of figures far below costs nothing. Interaction is all they compute
  // on, so a figure scrolled away idles.
  const ref = useRef<HTMLElement>(null);
  const near = useNearViewport(ref);
  // Names the widget inside before it has started, so a link to it can scroll here and start it.
  const widgetId =
    isValidElement<{ id?: unknown }>(children) && typeof children.props.id === "string"
      ? children.props.id
      : undefined;
  return (
    <figure className="figure wide" ref={ref} data-figure-for={widgetId}>
      <FigureBoundary>
        {near ? (
          <Suspense fallback={<p className="figure-loading">Loading the interactive figure…</p>}>
            {children}
          </Suspense>
        ) : (
          <p className="figure-loading figure-waiting">
            The interactive figure starts when you scroll to it.
          </p>
        )}
      </FigureBoundary>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
