import type { Block, DocumentFormat } from '../../common/contract';
import { lastIndexAtOrBefore } from '../../common/sorted';
import { toBlocks } from './paragraphs';

/** A Uint32Array that grows as it is appended to. */
class Growing {
  private values = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = new Uint32Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }

  done(): Uint32Array {
    return this.values.slice(0, this.length);
  }
}

/**
 * A document's reading blocks packed into typed arrays, with the text they
 * are cut from: a few bytes a block and eight a span instead of a few
 * hundred as objects, so that a 50 MB text's blocks fit in memory and any
 * range of them is read back as Blocks when it is asked for. A block's clean
 * text is rebuilt from its spans, which is how paragraphs.ts makes it.
 */
export class BlockTable {
  private constructor(
    private readonly text: string,
    private readonly kinds: Uint8Array,
    /** Block i's spans are spans[2 * firstSpan[i] .. 2 * firstSpan[i + 1]). */
    private readonly firstSpan: Uint32Array,
    private readonly spans: Uint32Array,
    private readonly kindNames: Block['kind'][],
    /** Fields a block carries besides those above (paragraphs.ts may add some), by block. */
    private readonly extras: Map<number, Partial<Block>>,
  ) {}

  static of(text: string, format?: DocumentFormat): BlockTable {
    const kinds = new Growing();
    const firstSpan = new Growing();
    const spans = new Growing();
    const kindNames: Block['kind'][] = [];
    const extras = new Map<number, Partial<Block>>();
    for (const { index, kind, text: _text, spans: blockSpans, start: _start, end: _end, ...extra } of toBlocks(text, format)) {
      if (!kindNames.includes(kind)) kindNames.push(kind);
      kinds.push(kindNames.indexOf(kind));
      firstSpan.push(spans.length / 2);
      for (const [from, to] of blockSpans) {
        spans.push(from);
        spans.push(to);
      }
      if (Object.keys(extra).length > 0) extras.set(index, extra);
    }
    firstSpan.push(spans.length / 2);
    return new BlockTable(text, new Uint8Array(kinds.done()), firstSpan.done(), spans.done(), kindNames, extras);
  }

  get count(): number {
    return this.kinds.length;
  }

  /** Blocks [from, to), clipped to the document. */
  range(from: number, to: number): Block[] {
    const blocks: Block[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.count); i++) blocks.push(this.block(i));
    return blocks;
  }

  /** The first blocks, up to `blocks` of them and about `chars` characters of text (at least one). */
  opening(blocks: number, chars: number): Block[] {
    const first: Block[] = [];
    let length = 0;
    for (let i = 0; i < Math.min(blocks, this.count) && (i === 0 || length < chars); i++) {
      const block = this.block(i);
      first.push(block);
      length += block.text.length;
    }
    return first;
  }

  /** The index of the block holding original offset `offset`: the last one starting at or before it (0 before the first). */
  indexAt(offset: number): number {
    const startOf = (span: number) => this.spans[2 * span] as number;
    return Math.max(0, lastIndexAtOrBefore(this.firstSpan, offset, { to: this.count, key: startOf }));
  }

  private block(index: number): Block {
    const spans: Array<[number, number]> = [];
    for (let s = this.firstSpan[index] as number; s < (this.firstSpan[index + 1] as number); s++) {
      spans.push([this.spans[2 * s] as number, this.spans[2 * s + 1] as number]);
    }
    const kind = this.kindNames[this.kinds[index] as number] as Block['kind'];
    const extra = this.extras.get(index);
    const text = spans.map(([from, to], i) => (i > 0 ? (extra?.separators?.[i - 1] ?? ' ') : '') + this.text.slice(from, to)).join('');
    const first = spans[0] as [number, number];
    const last = spans.at(-1) as [number, number];
    return { index, kind, text, spans, start: first[0], end: last[1], ...extra };
  }
}

/** Tables kept at most, and the text they may hold in all (UTF-16 code units). */
const KEPT_TABLES = 8;
const KEPT_CHARS = 120_000_000;

/**
 * The tables of the documents read last, built once each: reading on
 * through a document asks for its table at every screen. The oldest go
 * first when there are too many or their texts are too long together.
 */
export class RecentTables {
  private readonly tables = new Map<string, { table: Promise<BlockTable>; chars: number }>();

  get(id: string, text: () => Promise<string>, format?: DocumentFormat): Promise<BlockTable> {
    const kept = this.tables.get(id);
    if (kept) {
      this.tables.delete(id);
      this.tables.set(id, kept);
      return kept.table;
    }
    const entry: { table: Promise<BlockTable>; chars: number } = { table: text().then((t) => ((entry.chars = t.length), BlockTable.of(t, format))), chars: 0 };
    this.tables.set(id, entry);
    entry.table.then(() => this.trim(), () => this.tables.delete(id));
    return entry.table;
  }

  forget(id: string): void {
    this.tables.delete(id);
  }

  private trim(): void {
    let chars = [...this.tables.values()].reduce((sum, entry) => sum + entry.chars, 0);
    for (const [id, entry] of this.tables) {
      if (this.tables.size <= 1 || (this.tables.size <= KEPT_TABLES && chars <= KEPT_CHARS)) return;
      this.tables.delete(id);
      chars -= entry.chars;
    }
  }
}
