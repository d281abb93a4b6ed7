import type { LibrarySort } from '../../common/contract';
import type { DocumentRecord } from './documents';

/**
 * A title as the table sorts it: without case or accents, numbers by their
 * value ("Report 9" before "Report 10"). Computed once a document, so that a
 * sort of 100,000 titles compares plain strings instead of asking a collator.
 */
const titleKey = (title: string): string =>
  title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\d+/g, (digits) => digits.padStart(12, '0'));

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What each order sorts by; ties go by title, then by id, so that an order never changes between two pages. */
const KEYS: Record<LibrarySort, (doc: DocumentRecord, title: string) => string | number> = {
  title: (_doc, title) => title,
  date: (doc) => doc.date ?? '',
  length: (doc) => doc.words,
};

/**
 * The library in the order its table shows, computed once for each order
 * until the library changes: a page of a 100,000-document library is then a
 * slice. Undated documents come after the dated ones whichever way dates go.
 */
export class LibraryOrder {
  private readonly sorted = new Map<string, DocumentRecord[]>();
  private seen: { list: readonly DocumentRecord[]; length: number } | null = null;
  private titles: string[] = [];

  of(list: readonly DocumentRecord[], sort: LibrarySort, descending: boolean): DocumentRecord[] {
    if (this.seen?.list !== list || this.seen.length !== list.length) {
      this.sorted.clear();
      this.seen = { list, length: list.length };
      this.titles = list.map((doc) => titleKey(doc.title));
    }
    const name = `${sort} ${descending}`;
    let rows = this.sorted.get(name);
    if (!rows) {
      rows = descending ? this.descending(this.of(list, sort, false), sort) : this.ascending(list, sort);
      this.sorted.set(name, rows);
    }
    return rows;
  }

  /** Forgets every order: a document's title, date or length changed in place. */
  clear(): void {
    this.seen = null;
  }

  private ascending(list: readonly DocumentRecord[], sort: LibrarySort): DocumentRecord[] {
    const keyed = list.map((doc, i) => ({ doc, key: KEYS[sort](doc, this.titles[i] as string), title: this.titles[i] as string }));
    keyed.sort((a, b) => (typeof a.key === 'number' ? a.key - (b.key as number) : byString(a.key, b.key as string)) || byString(a.title, b.title) || byString(a.doc.id, b.doc.id));
    const rows = keyed.map((k) => k.doc);
    return sort === 'date' ? [...rows.filter((d) => d.date), ...rows.filter((d) => !d.date)] : rows;
  }

  /** The ascending order turned round, the undated documents still last. */
  private descending(ascending: DocumentRecord[], sort: LibrarySort): DocumentRecord[] {
    if (sort !== 'date') return [...ascending].reverse();
    const dated = ascending.filter((d) => d.date).reverse();
    return [...dated, ...ascending.slice(dated.length)];
  }
}
