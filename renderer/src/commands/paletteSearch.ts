import MiniSearch from 'minisearch';

/** Something the palette offers: a command, or a document, entity or tag to open. */
export interface PaletteItem {
  /** Unique across kinds, e.g. "command:go.library", "document:ab12". */
  key: string;
  kind: 'command' | 'document' | 'entity' | 'tag';
  title: string;
  /** A second line of context: the command's group, the document's date, the entity's type. */
  detail?: string;
  keywords?: readonly string[];
  /** The shortcut as people read it, e.g. "Ctrl+Shift+P". */
  shortcut?: string;
  run: () => void;
}

/** Commands sort a little ahead of names that match as well: this is a command palette first. */
const KIND_BOOST: Record<PaletteItem['kind'], number> = { command: 1.3, document: 1, entity: 1, tag: 1 };

/**
 * A matcher over the palette's items: every word typed must match the start
 * of a word of the title (or keywords, or detail), allowing a typo in longer
 * words. An empty query lists the items in the order given.
 */
export function createMatcher(items: readonly PaletteItem[]): (query: string, limit?: number) => PaletteItem[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const index = new MiniSearch<PaletteItem>({
    idField: 'key',
    fields: ['title', 'keywords', 'detail'],
    extractField: (item, field) => (field === 'keywords' ? (item.keywords ?? []).join(' ') : String(item[field as keyof PaletteItem] ?? '')),
    searchOptions: {
      prefix: true,
      fuzzy: (term) => (term.length > 3 ? 0.2 : false),
      combineWith: 'AND',
      boost: { title: 3, keywords: 1.5 },
      boostDocument: (key) => KIND_BOOST[byKey.get(key as string)?.kind ?? 'document'],
    },
  });
  index.addAll(items);
  return (query, limit = 50) => {
    if (!query.trim()) return items.slice(0, limit);
    return index
      .search(query)
      .slice(0, limit)
      .map((hit) => byKey.get(hit.id as string))
      .filter((item): item is PaletteItem => item !== undefined);
  };
}
