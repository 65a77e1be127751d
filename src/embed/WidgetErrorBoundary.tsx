import { Component, type ReactNode } from "react";

interface Props {
  /** The figure's title, named in the message. */
  title: string;
  children: ReactNode;
}

/**
 * Catches anything a widget throws while rendering, so an embed shows a message in the figure's
 * place instead of a blank frame in someone else's page. The error text is rendered as text.
 */
export class WidgetErrorBoundary extends Component<Props, { error: unknown }> {
  state = { error: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error("unknown error") };
  }

  render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    const detail = error instanceof Error ? error.message : String(error);
    return (
      <div role="alert" className="dw-embed-message dw-embed-error">
        <p>The figure “{this.props.title}” stopped with an error and cannot be shown.</p>
        <p className="dw-embed-detail">{detail}</p>
      </div>
    );
  }
}
