/** The readable text of one imported file, before it becomes a document. */
export interface Imported {
  /** The document's original text: what annotations are anchored on. */
  text: string;
  /** A title the file states (front matter, <title>, PDF metadata); otherwise the library reads one from the text. */
  title?: string;
  format: 'text' | 'markdown' | 'html' | 'pdf';
}
