import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlockTable } from '../../../../main/core/library/block-table';
import { MAX_BLOCK_CHARS } from '../../../../main/core/library/block-drafts';
import { toBlocks } from '../../../../main/core/library/paragraphs';
import { SEED_DIR } from '../../helpers';

// What a table holds is measured once the garbage made on the way is gone.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const seeds = readdirSync(SEED_DIR).map((name) => readFileSync(join(SEED_DIR, name), 'utf8'));

describe('a document’s blocks, packed', () => {
  it('give back exactly the blocks the text splits into, in any range', () => {
    for (const text of seeds) {
      const blocks = toBlocks(text);
      const table = BlockTable.of(text);
      expect(table.count).toBe(blocks.length);
      expect(table.range(0, table.count)).toEqual(blocks);
      expect(table.range(3, 7)).toEqual(blocks.slice(3, 7));
      expect(table.range(table.count - 2, table.count + 50)).toEqual(blocks.slice(-2));
    }
  });

  it('open with a first screen: a few blocks, about so many characters, never none', () => {
    const table = BlockTable.of(seeds[4] as string);
    const first = table.opening(60, 2000);
    expect(first.length).toBeGreaterThan(1);
    expect(first.length).toBeLessThan(60);
    expect(first.slice(0, -1).reduce((sum, b) => sum + b.text.length, 0)).toBeLessThan(2000);
    expect(first).toEqual(table.range(0, first.length));
    expect(table.opening(60, 1)).toHaveLength(1);
    expect(BlockTable.of('').opening(60, 2000)).toEqual([]);
  });

  it('find the block that holds an offset of the original text', () => {
    const text = seeds[4] as string;
    const blocks = toBlocks(text);
    const table = BlockTable.of(text);
    for (const block of [blocks[0], blocks[40], blocks.at(-1)]) {
      expect(table.indexAt(block!.start)).toBe(block!.index);
      expect(table.indexAt(block!.end - 1)).toBe(block!.index);
    }
    expect(table.indexAt(0)).toBe(0);
    expect(table.indexAt(text.length + 100)).toBe(blocks.length - 1);
  });

  it('hold a 24 MB file of one-letter lines in blocks of at most 10,000 characters, without the memory its lines would take', () => {
    const text = 'p\n\n'.repeat(8_000_000);
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const table = BlockTable.of(text);
    collectGarbage();
    const held = process.memoryUsage().heapUsed - before;
    expect(table.count).toBe(Math.ceil((8_000_000 * 2 - 1) / (MAX_BLOCK_CHARS + 1)));
    const [first] = table.range(0, 1);
    expect(first?.text.length).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
    expect(first?.text.startsWith('p p p')).toBe(true);
    // Eight bytes a span and a few a block, once the blocks read on the way are collected; as objects they were about 2 GB.
    expect(held).toBeLessThan(400e6);
    const last = table.range(table.count - 1, table.count)[0];
    expect(last?.end).toBe(text.length - 2);
  });

  it('cut one endless line at spaces, and a line without any anywhere, into blocks that join back to it', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `word${i}`).join(' ');
    const spaced = toBlocks(words);
    expect(spaced.length).toBeGreaterThan(1);
    expect(spaced.every((b) => b.text.length <= MAX_BLOCK_CHARS && !b.text.startsWith(' ') && !b.text.endsWith(' '))).toBe(true);
    expect(spaced.map((b) => b.text).join(' ')).toBe(words);
    const solid = 'x'.repeat(25_000);
    expect(toBlocks(solid).map((b) => b.text.length)).toEqual([MAX_BLOCK_CHARS, MAX_BLOCK_CHARS, 5000]);
  });
});
