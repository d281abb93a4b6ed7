import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { toBlocks } from '../../../../../main/core/library/paragraphs';
import { SearchEngine } from '../../../../../main/core/search/engine/engine';
import type { EngineState } from '../../../../../main/core/search/engine/entries';
import { decodeSnapshot, preamble, snapshotBody, SnapshotError, SNAPSHOT_FORMAT } from '../../../../../main/core/search/engine/snapshot';
import { parseQuery } from '../../../../../main/core/search/query';
import { scopeOf } from '../../../../../main/core/search/scope';
import { forEachTerm } from '../../../../../main/core/text/tokens';
import { applyChanges, buildEngine, changes, library, QUERIES, type RandomDoc } from './arbitraries';

/** A state as the bytes of a snapshot file. */
function toBytes(state: EngineState): Uint8Array<ArrayBuffer> {
  const body = snapshotBody(state);
  // Node 20's crc32 answers 0 for an empty view, whatever it continues from: empty parts are skipped, as the file writer's loop does.
  const checksum = body.reduce((sum, part) => (part.length > 0 ? crc32(part, sum) : sum), 0);
  const parts = [preamble((body[0] as Uint8Array).length, checksum), ...body];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
  return bytes;
}

function answers(engine: SearchEngine, docs: RandomDoc[]) {
  return QUERIES.map((q) => {
    const parsed = parseQuery(q);
    return { q, found: engine.search(parsed, 10, scopeOf(parsed.filters)), inFirst: engine.findInDocument((docs[0] as RandomDoc).id, parsed) };
  });
}

describe('the saved index', () => {
  it('answers every query as the engine it was saved from, its changes merged or not', () => {
    fc.assert(
      fc.property(library, changes, fc.boolean(), (docs, list, merged) => {
        const engine = buildEngine(docs);
        applyChanges(engine, docs, list);
        if (merged) engine.compact();
        const state = engine.toState();
        const loaded = SearchEngine.fromState(decodeSnapshot(toBytes(state), (b) => crc32(b)));
        expect(answers(loaded, docs)).toEqual(answers(engine, docs));
        expect(loaded.fingerprints()).toEqual(engine.fingerprints());
      }),
      { numRuns: 60 },
    );
  });

  it('is refused when damaged', () => {
    const bytes = toBytes(buildEngine([{ id: 'd0', title: 'Harbour', date: null, passages: ['Ships and cargo.'] }]).toState());
    bytes[bytes.length - 3]! ^= 0xff;
    expect(() => decodeSnapshot(bytes, (b) => crc32(b))).toThrow(SnapshotError);
  });
});

/**
 * What a saved index was made with: the terms the tokenizer finds in a
 * sample (and its word count), and the reading blocks the sample is cut
 * into. A saved index holds their output, so when either changes, indexes
 * saved before must be rebuilt: that is what bumping SNAPSHOT_FORMAT does.
 */
const SAMPLE = [
  'Analysts track 5G-A, NB-IoT and SDN/NFV rollouts; China169’s backbone carried RMB 3 trillion (2,000 U.S. and E.U. firms).',
  'Zürich’s café «Ñandú» — AT&T, Ericsson’s e.g. 12.4% growth, https://example.com/a-very-long-address/that-goes-on-and-on-beyond-forty.',
  '',
  '• a bullet item with a hyphen-',
  'ated word across lines',
  '',
  'CHAPTER 3 OUTLOOK 2018',
  'Short heading',
  '',
  '30 CHINA UNICOM (HONG KONG) LIMITED ANNUAL REPORT 2017',
].join('\n');

/** Recorded with the format version it belongs to: change them together (see engine/DESIGN.md, "Changing the tokenizer"). */
const RECORDED = { format: 4, fingerprint: 'ecf0bda65a9e01da' };

function fingerprint(): string {
  const terms: unknown[] = [];
  const words = forEachTerm(SAMPLE, (term, from, to, whole) => terms.push([term, from, to, whole]));
  const blocks = toBlocks(SAMPLE).map((b) => [b.index, b.start, b.kind, b.text]);
  return createHash('sha256').update(JSON.stringify({ terms, words, blocks })).digest('hex').slice(0, 16);
}

describe('the snapshot format', () => {
  it('changes whenever the tokenizer or the reading blocks do', () => {
    const now = fingerprint();
    const advice =
      now === RECORDED.fingerprint
        ? `SNAPSHOT_FORMAT is now ${SNAPSHOT_FORMAT}: record { format: ${SNAPSHOT_FORMAT}, fingerprint: '${now}' } here.`
        : SNAPSHOT_FORMAT === RECORDED.format
          ? `The tokenizer (main/core/text/tokens.ts) or the reading blocks (main/core/library/paragraphs.ts) now read the sample differently, so indexes saved before would answer wrongly: bump SNAPSHOT_FORMAT in main/core/search/engine/snapshot.ts to ${SNAPSHOT_FORMAT + 1} and record { format: ${SNAPSHOT_FORMAT + 1}, fingerprint: '${now}' } here.`
          : `Record { format: ${SNAPSHOT_FORMAT}, fingerprint: '${now}' } here.`;
    expect({ format: SNAPSHOT_FORMAT, fingerprint: now }, advice).toEqual(RECORDED);
  });
});
