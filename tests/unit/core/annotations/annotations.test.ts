import { EventEmitter } from 'node:events';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidTag, tagProblem, type SearchHit } from '../../../../main/common/contract';
import { Annotations } from '../../../../main/core/annotations/annotations';
import { toWebAnnotation } from '../../../../main/core/io/export/jsonld';
import { createDispatcher } from '../../../../main/core/dispatch';
import { Documents } from '../../../../main/core/library/documents';
import type { Dossier } from '../../../../main/core/service';
import { Store } from '../../../../main/core/store/store';
import { allBlocks, openTestDossier, seedId } from '../../helpers';

const SENTENCE = 'The two sides will further deepen cooperation in the fields of intelligent information infrastructure construction and network information security';

/** A dossier with seed 002 open and the range of its second sentence. */
async function withSentence() {
  const dossier = await openTestDossier();
  const docId = await seedId(dossier, '002');
  const text = await readFile(join(dossier.dataDir, 'texts', `${docId}.txt`), 'utf8');
  const start = text.indexOf(SENTENCE);
  return { dossier, docId, text, start, end: start + SENTENCE.length };
}

/** Lets the clock move on, so that two annotations never share a creation time. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

const fileOf = async (dataDir: string, docId: string) =>
  JSON.parse(await readFile(join(dataDir, 'annotations', `${docId}.json`), 'utf8')) as { annotations: Array<Record<string, unknown>> };

describe('creating, editing and deleting an annotation', () => {
  it('highlights a sentence with its quote, context and position, and keeps it after a restart', async () => {
    const { dossier, docId, text, start, end } = await withSentence();
    const created = await dossier.api.createAnnotation({ docId, start, end, color: 'green', note: 'Key **clause**', tags: ['cooperation', 'operators/china'] });
    expect(created).toMatchObject({
      docId,
      note: 'Key **clause**',
      tags: ['cooperation', 'operators/china'],
      color: 'green',
      anchor: { status: 'anchored', start, end },
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact: SENTENCE, prefix: text.slice(start - 32, start), suffix: text.slice(end, end + 32) },
          { type: 'TextPositionSelector', start, end },
        ],
      },
    });
    expect(created.created).toBe(created.modified);

    const reopened = await openTestDossier(dossier.dataDir);
    expect(await reopened.api.listAnnotations({ docId })).toEqual([created]);
  });

  it('leaves whitespace at the ends of a selection out of the quote', async () => {
    const { dossier, docId, start, end } = await withSentence();
    const created = await dossier.api.createAnnotation({ docId, start: start - 1, end: end });
    expect(created.target.selector[0].exact).toBe(SENTENCE);
    expect(created.color).toBe('yellow');
  });

  it('edits the note, tags and colour, keeping the created date', async () => {
    const { dossier, docId, start, end } = await withSentence();
    const created = await dossier.api.createAnnotation({ docId, start, end });
    await tick();
    const edited = await dossier.api.updateAnnotation(created.id, { note: 'Revised', tags: ['grid', 'grid'], color: 'blue' });
    expect(edited).toMatchObject({ id: created.id, note: 'Revised', tags: ['grid'], color: 'blue', created: created.created });
    expect(edited.modified > created.modified).toBe(true);
    expect(await dossier.api.getAnnotation(created.id)).toEqual(edited);
  });

  it('keeps both of two changes sent at once: a note saved while a tag is added, and a delete right after', async () => {
    const { dossier, docId, start, end } = await withSentence();
    const created = await dossier.api.createAnnotation({ docId, start, end });
    await Promise.all([dossier.api.updateAnnotation(created.id, { note: 'Typed' }), dossier.api.updateAnnotation(created.id, { tags: ['grid'] }), dossier.api.updateAnnotation(created.id, { color: 'pink' })]);
    expect(await dossier.api.getAnnotation(created.id)).toMatchObject({ note: 'Typed', tags: ['grid'], color: 'pink' });
    const [, deleted] = await Promise.all([dossier.api.updateAnnotation(created.id, { note: 'Typed again' }), dossier.api.deleteAnnotation(created.id)]);
    expect(deleted).toMatchObject({ note: 'Typed again', tags: ['grid'] });
    expect(await dossier.api.restoreAnnotation(created.id)).toMatchObject({ note: 'Typed again', tags: ['grid'], color: 'pink' });
    await expect((await openTestDossier(dossier.dataDir)).api.getAnnotation(created.id)).resolves.toMatchObject({ note: 'Typed again' });
  });

  it('deletes an annotation and undoes the delete with the same id and content', async () => {
    const { dossier, docId, start, end } = await withSentence();
    const created = await dossier.api.createAnnotation({ docId, start, end, note: 'Keep me' });
    expect(await dossier.api.deleteAnnotation(created.id)).toEqual(created);
    expect(await dossier.api.listAnnotations({ docId })).toEqual([]);
    await expect(dossier.api.getAnnotation(created.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await noteHits(dossier, 'Keep')).toEqual([]);

    expect(await dossier.api.restoreAnnotation(created.id)).toEqual(created);
    expect(await (await openTestDossier(dossier.dataDir)).api.listAnnotations({ docId })).toEqual([created]);
    expect((await noteHits(dossier, 'Keep')).map((hit) => hit.noteId)).toEqual([created.id]);
  });

  it('keeps a deleted annotation restorable after a restart', async () => {
    const { dossier, docId, start, end } = await withSentence();
    const created = await dossier.api.createAnnotation({ docId, start, end });
    await dossier.api.deleteAnnotation(created.id);
    const reopened = await openTestDossier(dossier.dataDir);
    expect(await reopened.api.restoreAnnotation(created.id)).toEqual(created);
  });

  it('highlights a passage across several paragraphs', async () => {
    const { dossier, docId, text, start } = await withSentence();
    const end = text.indexOf('Yang Jinbai said that') + 'Yang Jinbai said'.length;
    const created = await dossier.api.createAnnotation({ docId, start, end });
    expect(created.target.selector[0].exact).toContain('\n\nYang Jinbai said');
    expect(created.anchor).toEqual({ status: 'anchored', start, end });
  });
});

describe('saving is small', () => {
  it('writes only the document’s own annotation file, never the texts or the library', async () => {
    const { dossier, docId, start, end } = await withSentence();
    const before = await modificationTimes(dossier.dataDir);
    const created = await dossier.api.createAnnotation({ docId, start, end });
    await dossier.api.updateAnnotation(created.id, { note: 'x' });
    const after = await modificationTimes(dossier.dataDir);
    const changed = [...after].filter(([name, time]) => before.get(name) !== time).map(([name]) => name);
    expect(changed).toEqual([`annotations/${docId}.json`]);
  });
});

describe('listing annotations', () => {
  it('filters by document, tag (with the tags under it) and colour, and sorts by position or date', async () => {
    const { dossier, docId, text } = await withSentence();
    const other = await seedId(dossier, '003');
    const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
    const late = await dossier.api.createAnnotation({ docId, ...at('Sun Zhengyun'), tags: ['people/sun'], color: 'pink' });
    await tick();
    const early = await dossier.api.createAnnotation({ docId, ...at('Yang Jinbai'), tags: ['people'] });
    await tick();
    const elsewhere = await dossier.api.createAnnotation({ docId: other, start: 0, end: 3, tags: ['peoples'] });

    const ids = (list: Array<{ id: string }>) => list.map((a) => a.id);
    expect(ids(await dossier.api.listAnnotations({ docId }))).toEqual([early.id, late.id]);
    // "early" comes first in the text but was made second.
    expect(ids(await dossier.api.listAnnotations({ docId, sort: 'newest' }))).toEqual([early.id, late.id]);
    expect(ids(await dossier.api.listAnnotations({ tag: 'people' })).sort()).toEqual([early.id, late.id].sort());
    expect(ids(await dossier.api.listAnnotations({ tag: 'people/sun' }))).toEqual([late.id]);
    expect(ids(await dossier.api.listAnnotations({ color: 'pink' }))).toEqual([late.id]);
    expect(ids(await dossier.api.listAnnotations({ sort: 'oldest' }))).toEqual([late.id, early.id, elsewhere.id]);
  });
});

describe('notes in the library search', () => {
  it('finds a note by its words, at the passage it is on, and forgets what was edited away', async () => {
    const { dossier, docId, start, end } = await withSentence();
    const created = await dossier.api.createAnnotation({ docId, start, end, note: 'Compare with the *Huawei* partnership', tags: ['energy/grid'] });
    const block = (await allBlocks(dossier.api, docId)).find((b) => b.start <= start && start < b.end);
    const [hit] = await noteHits(dossier, 'huawei');
    expect(hit).toMatchObject({ kind: 'note', noteId: created.id, blockIndex: block?.index });
    expect(hit && hit.snippet.highlights.map(([from, to]) => hit.snippet.text.slice(from, to))).toEqual(['Huawei']);

    await dossier.api.updateAnnotation(created.id, { note: 'Compare with Ericsson' });
    expect(await noteHits(dossier, 'huawei')).toEqual([]);
    expect((await noteHits(dossier, 'ericsson')).map((h) => h.noteId)).toEqual([created.id]);
  });

  it('renames a tag with the tags under it, merging into an existing one', async () => {
    const { dossier, docId, start, end } = await withSentence();
    const store = await Store.open(dossier.dataDir);
    const annotations = await Annotations.open(store, await Documents.open(store), new EventEmitter());
    const a = await annotations.create({ docId, start, end, tags: ['ops', 'ops/china', 'operators'] });
    expect(await annotations.renameTag('ops', 'operators')).toBe(1);
    expect((await annotations.get(a.id)).tags).toEqual(['operators', 'operators/china']);
    await expect(annotations.renameTag('ops', 'bad tag')).rejects.toThrow('is not a tag');
  });
});

describe('re-anchoring when a text changes', () => {
  it('follows a quote that moved and keeps one whose quote is gone as an orphan, which can be re-attached', async () => {
    const { dossier, docId, text, start, end } = await withSentence();
    const moved = await dossier.api.createAnnotation({ docId, start, end, note: 'moves' });
    const word = text.indexOf('Sun Zhengyun');
    const gone = await dossier.api.createAnnotation({ docId, start: word, end: word + 12, note: 'loses its quote' });

    // A re-import with a fixed extraction: a new first line, different line wrapping, a name corrected.
    const changed = `Updated copy.\n${text.replace('deepen cooperation in the fields', 'deepen cooperation\nin the fields').replace('Sun Zhengyun', 'Sun Zhengjun')}`;
    await writeFile(join(dossier.dataDir, 'texts', `${docId}.txt`), changed);
    const reopened = await openTestDossier(dossier.dataDir);
    const [first, second] = await reopened.api.listAnnotations({ docId });
    const newStart = changed.indexOf('The two sides will');
    expect(first).toMatchObject({ id: moved.id, anchor: { status: 'anchored', start: newStart, end: end + 14 } });
    expect(second).toMatchObject({ id: gone.id, note: 'loses its quote', anchor: { status: 'orphaned' } });
    // Anchoring is worked out on reading: the stored selectors are untouched.
    expect((await fileOf(dossier.dataDir, docId)).annotations).toHaveLength(2);

    const fixed = changed.indexOf('Sun Zhengjun');
    const reattached = await reopened.api.reattachAnnotation(gone.id, { start: fixed, end: fixed + 12 });
    expect(reattached).toMatchObject({ note: 'loses its quote', anchor: { status: 'anchored', start: fixed, end: fixed + 12 } });
    expect(reattached.target.selector[0].exact).toBe('Sun Zhengjun');
  });
});

describe('bad input', () => {
  const blank = (text: string) => ({ start: text.indexOf('\n\n'), end: text.indexOf('\n\n') + 2 });
  it.each([
    ['an empty selection', (docId: string) => ({ docId, start: 7, end: 7 }), 'invalid_argument', 'The selection is empty or only whitespace'],
    ['a whitespace-only selection', (docId: string, text: string) => ({ docId, ...blank(text) }), 'invalid_argument', 'The selection is empty or only whitespace'],
    ['a selection past the end', (docId: string) => ({ docId, start: 0, end: 99_999 }), 'invalid_argument', 'The selection ends at 99999 but the document has'],
    ['a note over 20,000 characters', (docId: string) => ({ docId, start: 0, end: 5, note: 'x'.repeat(20_001) }), 'invalid_argument', 'A note can be at most 20,000 characters; this one has 20,001'],
    ['a tag with a space', (docId: string) => ({ docId, start: 0, end: 5, tags: ['china telecom'] }), 'invalid_argument', '"china telecom" is not a tag'],
    ['an unknown colour', (docId: string) => ({ docId, start: 0, end: 5, color: 'red' }), 'invalid_argument', 'A colour is one of yellow, green, blue, pink, purple'],
    ['an unknown document', () => ({ docId: 'nope', start: 0, end: 5 }), 'not_found', 'There is no document with id "nope"'],
  ])('refuses %s with a clear message and saves nothing', async (_case, input, code, message) => {
    const { dossier, docId, text } = await withSentence();
    const answer = await createDispatcher(dossier.api, () => undefined)('createAnnotation', [input(docId, text)]);
    expect(answer).toMatchObject({ ok: false, error: { code } });
    expect(!answer.ok && answer.error.message).toContain(message);
    expect(await readdir(join(dossier.dataDir, 'annotations')).catch(() => [])).toEqual([]);
    expect(await dossier.api.listAnnotations({})).toEqual([]);
  });

  it('refuses an oversized note or a bad tag on edit and keeps what was saved', async () => {
    const { dossier, docId, start, end } = await withSentence();
    const created = await dossier.api.createAnnotation({ docId, start, end, note: 'saved', tags: ['ok'] });
    const dispatch = createDispatcher(dossier.api, () => undefined);
    const tooLong = await dispatch('updateAnnotation', [created.id, { note: 'y'.repeat(20_001), tags: ['fine'] }]);
    expect(!tooLong.ok && tooLong.error.message).toContain('A note can be at most 20,000 characters');
    for (const tag of ['/lead', 'trail/', 'a//b', 'semi;colon', 'x'.repeat(101), '', 'two words']) {
      const answer = await dispatch('updateAnnotation', [created.id, { tags: ['ok', tag] }]);
      // The API says what the field says (tagProblem), in plain words: no method name, no argument path.
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining(tagProblem(tag) ?? '?') } });
      expect(!answer.ok && answer.error.message).not.toMatch(/updateAnnotation|argument|tags\.1/);
    }
    expect(['two words', 'semi;colon', 'a//b', '', 'x'.repeat(101)].map(tagProblem)).toEqual([
      'A tag can’t contain spaces: try two/words or two-words.',
      'A tag can’t contain “;”: use letters, digits, -, _ and ., with / between levels (like operators/china).',
      'A tag can’t start or end with / or have two in a row: / only separates levels; try a/b.',
      'A tag cannot be empty.',
      'A tag can be at most 100 characters; this one has 101.',
    ]);
    expect(await (await openTestDossier(dossier.dataDir)).api.getAnnotation(created.id)).toEqual(created);
  });

  it.each(['getAnnotation', 'updateAnnotation', 'deleteAnnotation', 'restoreAnnotation'])('answers %s for an unknown id with not_found and changes nothing', async (name) => {
    const { dossier, docId, start, end } = await withSentence();
    const created = await dossier.api.createAnnotation({ docId, start, end });
    const before = await readFile(join(dossier.dataDir, 'annotations', `${docId}.json`), 'utf8');
    const answer = await createDispatcher(dossier.api)(name, name === 'updateAnnotation' ? ['missing-id', { note: 'x' }] : ['missing-id']);
    expect(answer).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringContaining('There is no annotation with id "missing-id"') } });
    expect(await readFile(join(dossier.dataDir, 'annotations', `${docId}.json`), 'utf8')).toBe(before);
    expect(await dossier.api.listAnnotations({ docId })).toEqual([created]);
  });

  it('knows what a tag is', () => {
    expect(['operators/china', 'Chen_Zhongyue', 'v1.2', '中国电信', 'a-b'].every(isValidTag)).toBe(true);
    expect(['', 'two words', '/x', 'x/', 'x//y', '#hash', 'x'.repeat(101)].some(isValidTag)).toBe(false);
  });
});

describe('W3C Web Annotation export', () => {
  it('gives JSON-LD with the note, each tag and the selectors', async () => {
    const { dossier, docId, start, end } = await withSentence();
    const created = await dossier.api.createAnnotation({ docId, start, end, note: 'Why now?', tags: ['grid'], color: 'blue' });
    expect(toWebAnnotation(created)).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${created.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: created.created,
      modified: created.modified,
      body: [
        { type: 'TextualBody', value: 'Why now?', format: 'text/markdown', purpose: 'commenting' },
        { type: 'TextualBody', value: 'grid', purpose: 'tagging' },
      ],
      target: { source: `urn:dossier:document:${docId}`, styleClass: 'highlight-blue', selector: created.target.selector },
    });
    const plain = await dossier.api.createAnnotation({ docId, start, end });
    expect(toWebAnnotation(plain)).toMatchObject({ motivation: 'highlighting' });
    expect(toWebAnnotation(plain)).not.toHaveProperty('body');
  });
});

/** The note hits of a library search. */
async function noteHits(dossier: Dossier, q: string): Promise<SearchHit[]> {
  const result = await dossier.api.search({ q });
  return result.groups.flatMap((g) => g.hits).filter((hit) => hit.kind === 'note');
}

async function modificationTimes(dir: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    times.set(path.slice(dir.length + 1), (await stat(path)).mtimeMs);
  }
  return times;
}
