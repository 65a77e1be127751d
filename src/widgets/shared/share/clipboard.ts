/**
 * Copies `text` with the Clipboard API. Resolves false where there is none or it is refused (an
 * iframe without clipboard permission, a page on plain http): the caller then says so, and the
 * text stays in a read-only field for the reader to copy by hand.
 */
export async function copyText(doc: Document, text: string): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== "function") return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
