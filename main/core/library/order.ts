import type { LibrarySort } from '../../common/contract';
import type { DocumentRecord } from './documents';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Ascending order by each key; ties go by title, then by id, so that an order never changes between two pages. */
const COMPARE: Record<LibrarySort, (a: DocumentRecord, b: DocumentRecord) => number> = {
  title: (a, b) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  date: (a, b) => (a.date ?? '').localeCompare(b.date ?? '') || COMPARE.title(a, b),
  length: (a, b) => a.words - b.words || COMPARE.title(a, b),
};

/**
 * The library in the order its table shows, computed once for each order
 * until the library changes: a page of a 100,000-document library is then a
 * slice. Undated documents come after the dated ones whichever way dates go.
 */
export class LibraryOrder {
  private readonly sorted = new Map<string, DocumentRecord[]>();
  private seen: { list: readonly DocumentRecord[]; length: number } | null = null;

  of(list: readonly DocumentRecord[], sort: LibrarySort, descending: boolean): DocumentRecord[] {
    if (this.seen?.list !== list || this.seen.length !== list.length) {
      this.sorted.clear();
      this.seen = { list, length: list.length };
    }
    const key = `${sort} ${descending}`;
    let rows = this.sorted.get(key);
    if (!rows) {
      rows = [...list].sort(descending ? (a, b) => COMPARE[sort](b, a) : COMPARE[sort]);
      if (sort === 'date') rows = [...rows.filter((d) => d.date), ...rows.filter((d) => !d.date)];
      this.sorted.set(key, rows);
    }
    return rows;
  }

  /** Forgets every order: a document's title, date or length changed in place. */
  clear(): void {
    this.seen = null;
  }
}
