import { type ComponentType, lazy, Suspense, useMemo } from "react";
import { ShareHostProvider } from "../state/share/shareHost";
import { type WidgetEntry, widgetRegistry } from "../widgets/registry";
import type { EmbedHost } from "./embedHost";
import { WidgetErrorBoundary } from "./WidgetErrorBoundary";
import "./embedMessages.css";

export interface EmbeddedWidgetProps {
  entry: WidgetEntry;
  /** The instance id: unique on the page (two embeds of one widget must not share ids). */
  id: string;
  host: EmbedHost;
}

/**
 * One registry widget with everything an embed needs around it: its own share host (the starting
 * state and where links go), a loading note while its code arrives, and an error boundary.
 */
export function EmbeddedWidget({ entry, id, host }: EmbeddedWidgetProps) {
  const Widget = useMemo(
    () =>
      lazy(() => entry.load().then((component: ComponentType<{ id: string }>) => ({ default: component }))),
    [entry],
  );
  return (
    <ShareHostProvider host={host}>
      <WidgetErrorBoundary title={entry.title}>
        <Suspense
          fallback={
            <p role="status" className="dw-embed-message dw-embed-loading">
              Loading “{entry.title}”…
            </p>
          }
        >
          <Widget id={id} />
        </Suspense>
      </WidgetErrorBoundary>
    </ShareHostProvider>
  );
}

/** Says that `name` is not a widget and lists the names that are, all as text. */
export function UnknownWidget({ name }: { name: string | null }) {
  const names = widgetRegistry.map((entry) => entry.name).join(", ");
  return (
    <div role="alert" className="dw-embed-message dw-embed-error">
      <p>
        {name === null || name.trim() === ""
          ? "No figure was named (an embed page needs ?widget=<name> in its address)."
          : `There is no figure called “${name}”.`}
      </p>
      <p>The figures that can be embedded are: {names}.</p>
    </div>
  );
}
