/** Random libraries for the engine's property tests: few words, so that they meet often. */
import fc from 'fast-check';
import { EngineBuilder, type SearchEngine } from '../../../../../main/core/search/engine/engine';
import type { NoteInput } from '../../../../../main/core/search/engine/entries';

export const WORDS = ['harbour', 'harbor', 'ship', 'ships', 'shipping', 'cargo', 'tonnage', 'pilot', 'quay', '5G-A', 'NB-IoT', 'Zürich', 'U.S.', '2,000', 'night', 'report', '1000'];

export interface RandomDoc {
  id: string;
  title: string;
  date: string | null;
  passages: string[];
}

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }).map((words) => `${words.join(' ')}.`);
const doc = fc.record({ title: sentence, date: fc.option(fc.constantFrom('2019-04-02', '2021-01-01', '2024-06-30'), { nil: null }), passages: fc.array(sentence, { minLength: 1, maxLength: 6 }) });

/** 1 to 25 documents, ids d0, d1, … */
export const library = fc.array(doc, { minLength: 1, maxLength: 25 }).map((docs) => docs.map((d, i): RandomDoc => ({ ...d, id: `d${i}` })));

/** A change after the first build: a document's text replaced, its notes set, or the document removed. */
export type Change = { kind: 'text'; doc: number; passages: string[] } | { kind: 'notes'; doc: number; notes: string[] } | { kind: 'remove'; doc: number };
export const changes = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('text' as const), doc: fc.nat(), passages: fc.array(sentence, { minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant('notes' as const), doc: fc.nat(), notes: fc.array(sentence, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('remove' as const), doc: fc.nat() }),
  ),
  { maxLength: 8 },
);

export const input = (d: RandomDoc) => ({ id: d.id, title: d.title, date: d.date, fingerprint: d.passages.join('|') });
export const passagesOf = (d: RandomDoc) => d.passages.map((text, block) => ({ block, start: block * 100, text }));

export function buildEngine(docs: RandomDoc[]): SearchEngine {
  const builder = new EngineBuilder();
  for (const d of docs) builder.add(input(d), passagesOf(d));
  return builder.finish();
}

/** Applies changes to an engine built from `docs` (they go to its delta). */
export function applyChanges(engine: SearchEngine, docs: RandomDoc[], list: Change[]): void {
  for (const change of list) {
    const d = docs[change.doc % docs.length] as RandomDoc;
    if (change.kind === 'remove') engine.removeDocument(d.id);
    else if (change.kind === 'notes') {
      const notes = change.notes.map((text, i): NoteInput => ({ id: `${d.id}-n${i}`, text, tags: i % 2 ? ['ports/night'] : [], start: i * 100 }));
      engine.setNotes(d.id, notes, JSON.stringify(notes));
    } else {
      const changed = { ...d, passages: change.passages };
      engine.setDocument(input(changed), passagesOf(changed));
    }
  }
}

/** Queries over the library's words: words, prefixes being typed, typos, phrases, exclusions. */
export const QUERIES = [
  ...WORDS.map((w) => w.toLowerCase()),
  'harb',
  'ship',
  'sh',
  'tonage',
  'harbour cargo',
  'ships quay ',
  '"cargo tonnage"',
  '"ship cargo',
  'pilot -night',
  'report 1000',
  '"report 1000."',
];
