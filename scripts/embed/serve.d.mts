export interface ServedFolder {
  /** `http://<host>:<port>/` */
  url: string;
  close(): Promise<void>;
}

export function serveFolder(
  root: string,
  options?: { port?: number; host?: string; rewrite?: (html: string) => string },
): Promise<ServedFolder>;
