import { type Field, type WidgetEntry, widgetRegistry } from "../../widgets/registry";

/**
 * One table per shareable figure, generated from its codec, so the documentation can never
 * disagree with what links and attributes accept.
 */
export function EmbedFieldTables() {
  return (
    <div className="embed-field-tables">
      {widgetRegistry.map((entry) => (
        <FieldTable key={entry.name} entry={entry} />
      ))}
    </div>
  );
}

function FieldTable({ entry }: { entry: WidgetEntry }) {
  const fields = Object.entries(entry.codec.fields) as [string, Field<unknown>][];
  return (
    <details className="embed-field-table">
      <summary>
        <code>{`<dw-${entry.name}>`}</code> {entry.title}
      </summary>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard */}
      <section className="table-scroll" aria-label={`Settings of ${entry.title}`} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Sets</th>
              <th scope="col">Valid values</th>
              <th scope="col">Default</th>
            </tr>
          </thead>
          <tbody>
            {fields.map(([key, field]) => (
              <tr key={key}>
                <th scope="row">
                  <code>{key}</code>
                </th>
                <td>{field.doc}</td>
                <td>{field.expects}</td>
                <td>
                  <code>{shown(field.format(field.fallback))}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </details>
  );
}

const shown = (text: string) => (text === "" ? "(empty)" : text.length > 48 ? `${text.slice(0, 48)}…` : text);
