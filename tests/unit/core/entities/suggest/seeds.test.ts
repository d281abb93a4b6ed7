import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../../../main/common/contract';
import { nameKey } from '../../../../../main/core/entities/names';
import { openTestDossier } from '../../../helpers';

/** The people, organisations and places of the five seeds, by hand (see the file's "about"). */
interface Gold {
  person: string[][];
  organisation: string[][];
  place: string[][];
  acceptable: string[];
}
const GOLD = JSON.parse(readFileSync(join(import.meta.dirname, 'seed-gold.json'), 'utf8')) as Gold;
const KINDS = ['person', 'organisation', 'place'] as const;

interface Entry {
  type: string;
  names: Set<string>;
}

interface Score {
  precision: number;
  recall: number;
  /** The same without the type: the right name filed under another type counts. */
  namePrecision: number;
  nameRecall: number;
  wrongType: string[];
  junk: string[];
  missed: string[];
}

/**
 * Precision over the suggestions the gold list judges (all but the
 * acceptable ones), recall over the gold entries; a suggestion is right when
 * one of its names is a spelling of an entry of its type.
 */
function score(suggestions: readonly Suggestion[]): Score {
  const entries: Entry[] = KINDS.flatMap((type) => GOLD[type].map((spellings) => ({ type, names: new Set(spellings.map(nameKey)) })));
  const acceptable = new Set(GOLD.acceptable.map(nameKey));
  const foundTyped = new Set<Entry>();
  const foundAny = new Set<Entry>();
  const wrongType: string[] = [];
  const junk: string[] = [];
  let right = 0;
  for (const s of suggestions) {
    const names = [s.name, ...s.aliases].map(nameKey);
    const matched = entries.filter((e) => names.some((n) => e.names.has(n)));
    matched.forEach((e) => foundAny.add(e));
    const typed = matched.filter((e) => e.type === s.type);
    typed.forEach((e) => foundTyped.add(e));
    if (typed.length > 0) right++;
    else if (matched.length > 0) wrongType.push(`${s.name} (${s.type}, not ${matched[0]?.type})`);
    else if (!names.some((n) => acceptable.has(n))) junk.push(`${s.name} (${s.type})`);
  }
  const judged = right + wrongType.length + junk.length;
  return {
    precision: right / judged,
    recall: foundTyped.size / entries.length,
    namePrecision: (right + wrongType.length) / judged,
    nameRecall: foundAny.size / entries.length,
    wrongType,
    junk,
    missed: entries.filter((e) => !foundTyped.has(e)).map((e) => `${[...e.names][0]} (${e.type})`),
  };
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

describe('suggestions over the five seeds', () => {
  it('find their people, organisations and places, with the right type, at the precision and recall measured', async () => {
    const { api } = await openTestDossier();
    const result = score(await api.listSuggestions());
    console.log(
      [
        `precision ${percent(result.precision)}, recall ${percent(result.recall)} (type counted); without the type ${percent(result.namePrecision)}, ${percent(result.nameRecall)}`,
        `wrong type: ${result.wrongType.join(', ') || 'none'}`,
        `not a person, organisation or place: ${result.junk.join(', ') || 'none'}`,
        `missed: ${result.missed.join(', ') || 'none'}`,
      ].join('\n'),
    );
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.recall).toBeGreaterThanOrEqual(0.9);
  });
});
