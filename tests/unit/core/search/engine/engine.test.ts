import { describe, expect, it } from 'vitest';
import { EngineBuilder, type SearchEngine } from '../../../../../main/core/search/engine/engine';
import { EVERYWHERE, parseQuery } from '../../../../../main/core/search/query';
import { scopeOf } from '../../../../../main/core/search/scope';

interface Doc {
  id: string;
  title: string;
  date?: string;
  passages: string[];
}

const input = (d: Doc) => ({ id: d.id, title: d.title, date: d.date ?? null, fingerprint: d.passages.join('|') });
const passages = (d: Doc) => d.passages.map((text, block) => ({ block, start: block * 1000, text }));

function build(docs: Doc[]): SearchEngine {
  const builder = new EngineBuilder();
  for (const d of docs) builder.add(input(d), passages(d));
  return builder.finish();
}

function search(engine: SearchEngine, q: string, limit = 20) {
  const parsed = parseQuery(q);
  return engine.search(parsed, limit, scopeOf(parsed.filters));
}
const ids = (engine: SearchEngine, q: string) => search(engine, q).groups.map((g) => g.docId);

const LIBRARY: Doc[] = [
  { id: 'harbour', title: 'Harbour traffic report', date: '2023-05-01', passages: ['Ships came and went all week.', 'Cargo volumes rose.'] },
  { id: 'busy', title: 'A busy week', date: '2024-01-10', passages: ['The harbour was busy with ships and cargo.'] },
  { id: 'spelling', title: 'American spelling', date: '2022-03-03', passages: ['The harbor master counted ships and cargo.'] },
  { id: 'pieces', title: 'Pieces', passages: ['Alpha and beta were seen.', 'Alpha alone.', 'Gamma alone.'] },
];

describe('ranking', () => {
  it('puts a title match before a body match', () => {
    expect(ids(build(LIBRARY), 'harbour')[0]).toBe('harbour');
  });

  it('puts an exact match before a fuzzy one, and still finds the fuzzy one', () => {
    const found = ids(build(LIBRARY), 'harbour cargo');
    expect(found.indexOf('busy')).toBeLessThan(found.indexOf('spelling'));
    expect(found).toContain('spelling');
  });

  it('shows only passages with every word when there are some', () => {
    const result = search(build(LIBRARY), 'ships cargo');
    expect(result.groups.map((g) => g.docId).sort()).toEqual(['busy', 'spelling']);
  });

  it('ranks passages with more of the words first when none has them all', () => {
    const result = search(build(LIBRARY), 'alpha beta gamma');
    const snippets = result.groups.flatMap((g) => g.hits.map((h) => h.snippet.text));
    expect(snippets[0]).toBe('Alpha and beta were seen.');
  });

  it('completes the word being typed, shorter completions first', () => {
    const engine = build([
      { id: 'a', title: 'One', passages: ['China announced it.'] },
      { id: 'b', title: 'Two', passages: ['Chinese investors announced it.'] },
    ]);
    expect(ids(engine, 'chin')).toEqual(['a', 'b']);
  });

  it('marks the matched words in snippets and titles', () => {
    const group = search(build(LIBRARY), 'harbour').groups[0];
    expect(group?.titleHighlights.map(([f, t]) => group.title.slice(f, t))).toEqual(['Harbour']);
  });
});

describe('phrases, exclusions and filters', () => {
  const engine = build(LIBRARY);

  it('matches a phrase only in that order', () => {
    expect(ids(engine, '"cargo volumes"')).toEqual(['harbour']);
    expect(ids(engine, '"volumes cargo"')).toEqual([]);
  });

  it('leaves out passages with an excluded word', () => {
    expect(ids(engine, 'cargo -harbor').sort()).toEqual(['busy', 'harbour']);
  });

  it('filters by date range and by document', () => {
    expect(ids(engine, 'cargo after:2023').sort()).toEqual(['busy', 'harbour']);
    expect(ids(engine, 'cargo before:2023-06 after:2023')).toEqual(['harbour']);
    expect(ids(engine, 'cargo in:spelling')).toEqual(['spelling']);
  });

  it('lists the documents a filter allows when no word is typed, newest first', () => {
    expect(ids(engine, 'after:2022')).toEqual(['busy', 'harbour', 'spelling']);
  });
});

describe('updates without a rebuild', () => {
  it('finds a document once added, its new text once changed, nothing once removed', () => {
    const engine = build(LIBRARY);
    engine.setDocument(input({ id: 'new', title: 'Lighthouse', passages: ['A lighthouse keeper wrote.'] }), passages({ id: 'new', title: 'Lighthouse', passages: ['A lighthouse keeper wrote.'] }));
    expect(ids(engine, 'keeper')).toEqual(['new']);
    const changed = { id: 'new', title: 'Lighthouse', passages: ['A fisherman wrote.'] };
    engine.setDocument(input(changed), passages(changed));
    expect(ids(engine, 'keeper')).toEqual([]);
    expect(ids(engine, 'fisherman')).toEqual(['new']);
    engine.removeDocument('new');
    expect(ids(engine, 'fisherman')).toEqual([]);
  });

  it('finds notes, shown as such, until they are removed', () => {
    const engine = build(LIBRARY);
    engine.setNotes('busy', [{ id: 'n1', text: 'Check the tonnage figures', tags: ['shipping/ports'], start: 0 }], 'p1');
    expect(search(engine, 'tonnage').groups[0]?.hits[0]).toMatchObject({ kind: 'note', noteId: 'n1', blockIndex: 0 });
    expect(ids(engine, 'shipping')).toEqual(['busy']);
    expect(ids(engine, 'tonnage is:passage')).toEqual([]);
    expect(ids(engine, 'tonnage is:note')).toEqual(['busy']);
    engine.setNotes('busy', [], 'p2');
    expect(ids(engine, 'tonnage')).toEqual([]);
  });

  it('searches only the documents of a scope', () => {
    const engine = build(LIBRARY);
    expect(engine.search(parseQuery('cargo'), 20, { ...EVERYWHERE, docIds: ['spelling', 'pieces'] }).groups.map((g) => g.docId)).toEqual(['spelling']);
  });

  it('answers the same after merging its changes into a new segment', () => {
    const engine = build(LIBRARY);
    const extra = { id: 'extra', title: 'Harbour pilots', passages: ['Pilots guide ships into the harbour.'] };
    engine.setDocument(input(extra), passages(extra));
    engine.removeDocument('spelling');
    // Scores move a little (the dead entries no longer count in term frequencies); what is found and shown does not.
    const shown = (q: string) => search(engine, q).groups.map((g) => ({ doc: g.docId, title: g.titleHighlights, hits: g.hits.map((h) => h.snippet) }));
    const queries = ['harbour', 'ships car', 'pilots', 'harbor'];
    const before = queries.map(shown);
    engine.compact();
    expect(queries.map(shown)).toEqual(before);
    expect(engine.stats()).toMatchObject({ documents: 4, deadEntries: 0, deltaEntries: 0 });
  });
});

describe('a query too broad to score in full', () => {
  // 60 passages hold "harbour"; the six that say it three times in a few words weigh most.
  const crowd: Doc[] = Array.from({ length: 60 }, (_, i) => ({
    id: `d${i}`,
    title: `Log ${i}`,
    passages: [i % 10 === 0 ? 'Harbour, harbour, harbour.' : `The harbour was quiet on day ${i}, with ships moored along the quay and cargo stacked high.`],
  }));
  const dense = crowd.filter((_, i) => i % 10 === 0).map((d) => d.id);

  it('scores only the best passages of each term, best first, and says the answer is approximate', () => {
    const narrow = new EngineBuilder({ budgets: { candidates: 10 } });
    for (const d of crowd) narrow.add(input(d), passages(d));
    const answer = search(narrow.finish(), 'harbour', 6);
    expect(answer.approximate).toBe(true);
    expect(answer.groups.map((g) => g.docId).sort()).toEqual([...dense].sort());
  });

  it('gives the same best documents as a full scoring', () => {
    const answer = search(build(crowd), 'harbour', 6);
    expect(answer.approximate).toBe(false);
    expect(answer.groups.map((g) => g.docId).sort()).toEqual([...dense].sort());
  });
});

describe('a phrase present once', () => {
  /** `count` numbered paragraphs, each with "report" and "1000" apart; at `target`, the only "Report 1000." */
  function archive(count: number, target: number): { doc: Doc; text: (block: number) => string } {
    const paragraph = (i: number) =>
      i === target
        ? `Paragraph ${i}. Report 1000. The survey of the harbour and of its shipping lanes runs to many pages of tables.`
        : `Paragraph ${i}. The report on the harbour and on its shipping lanes runs to 1000 pages of tables.`;
    return { doc: { id: 'archive', title: 'The long archive', passages: Array.from({ length: count }, (_, i) => paragraph(i)) }, text: paragraph };
  }

  function buildWith(doc: Doc, options: ConstructorParameters<typeof EngineBuilder>[0] = {}): SearchEngine {
    const builder = new EngineBuilder(options);
    builder.add(input(doc), passages(doc));
    return builder.finish();
  }

  function expectFound(engine: SearchEngine, target: number, text: string): void {
    const hit = search(engine, '"Report 1000."').groups[0]?.hits[0];
    expect(hit?.blockIndex).toBe(target);
    expect(hit?.ranges.map(([from, to]) => text.slice(from, to))).toEqual(['Report 1000']);
    const found = engine.findInDocument('archive', parseQuery('"Report 1000."'));
    expect(found.map((m) => [m.block, text.slice(m.from, m.to)])).toEqual([[target, 'Report 1000']]);
  }

  it('is found, with its block and where it is in it, however common its words (small budgets)', () => {
    const { doc, text } = archive(3000, 2900);
    expectFound(buildWith(doc, { budgets: { candidates: 50, documentMatches: 20 } }), 2900, text(2900));
  });

  it('is found at the end of a 40 MB document', () => {
    const { doc, text } = archive(400_000, 399_000);
    expect(doc.passages.reduce((sum, p) => sum + p.length + 2, 0)).toBeGreaterThan(40e6);
    expectFound(buildWith(doc), 399_000, text(399_000));
  });
});

describe('hits', () => {
  it('carry where they matched in their block, for the reader to mark', () => {
    const hit = search(build(LIBRARY), 'cargo volumes').groups[0]?.hits[0];
    expect(hit?.blockIndex).toBe(1);
    expect(hit?.ranges.map(([from, to]) => 'Cargo volumes rose.'.slice(from, to))).toEqual(['Cargo', 'volumes']);
  });
});
