import { readdirSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../../../main/common/contract';
import { nameKey } from '../../../../../main/core/entities/names';
import { openDossier } from '../../../../../main/core/service';
import { openTestDossier, SEED_DIR, tempDir } from '../../../helpers';

/**
 * What a careful reader would tag in seed 000 (the China Unicom Global
 * Partners Meeting 2024), by type. `acceptable` are names that are fair to
 * propose but not required: they count neither for nor against.
 */
const GOLD_000 = {
  required: {
    'Chen Zhongyue': 'person',
    'John Hoffman': 'person',
    'Jian Qin': 'person',
    'Tang Yongbo': 'person',
    'China Unicom': 'organisation',
    GSMA: 'organisation',
    Shanghai: 'place',
    'MWC Shanghai 2024': 'event',
    'Global Partners Meeting': 'event',
  } as Record<string, string>,
  acceptable: ['Groupe Speciale Mobile Association', 'Union For Partners', 'Open Gateway', 'Best Innovative Solutions Partner Award', 'Best Network and Resource Partner Award', '5G', 'AI', 'IoT', 'ICT'],
};

/** A library holding only the seed documents whose names start with one of `prefixes`. */
async function libraryOf(...prefixes: string[]) {
  const seedDir = join(await tempDir(), 'seed');
  await mkdir(seedDir);
  for (const prefix of prefixes) {
    const source = readdirSync(SEED_DIR).find((n) => n.startsWith(prefix) && n.endsWith('.txt')) as string;
    await copyFile(join(SEED_DIR, source), join(seedDir, source));
  }
  return openDossier({ dataDir: await tempDir(), seedDir, version: '0.0.0-test' });
}

const names = (s: Suggestion) => [s.name, ...s.aliases].map(nameKey);

describe('suggestions', () => {
  it('find the people, organisations, places and events of seed 000 with high precision and recall', async () => {
    const { api } = await libraryOf('000');
    const suggestions = await api.listSuggestions();
    const required = new Map(Object.entries(GOLD_000.required).map(([name, type]) => [nameKey(name), type]));
    const acceptable = new Set(GOLD_000.acceptable.map(nameKey));
    const hits = suggestions.filter((s) => names(s).some((n) => required.has(n)));
    const judged = suggestions.filter((s) => !names(s).some((n) => acceptable.has(n)) || hits.includes(s));
    const precision = hits.length / judged.length;
    const recall = new Set(hits.flatMap(names).filter((n) => required.has(n))).size / required.size;
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    // Found names get the right type.
    for (const hit of hits) expect([hit.name, hit.type]).toEqual([hit.name, required.get(names(hit).find((n) => required.has(n)) as string)]);
    expect(suggestions.find((s) => s.name === 'GSMA')).toMatchObject({ aliases: ['Groupe Speciale Mobile Association'], mentions: 3, documents: 1 });
  });

  it('across the seed corpus include the operators, GSMA, State Grid, Ericsson and the named people, and no junk', async () => {
    const { api } = await openTestDossier();
    const suggestions = await api.listSuggestions();
    const byName = new Map(suggestions.map((s) => [s.name, s]));
    const expected: Record<string, string> = {
      'China Unicom': 'organisation',
      'China Mobile': 'organisation',
      'China Telecom': 'organisation',
      GSMA: 'organisation',
      'State Grid': 'organisation',
      Ericsson: 'organisation',
      'Chen Zhongyue': 'person',
      'John Hoffman': 'person',
      'Yang Jie': 'person',
      'Dong Xin': 'person',
      'Yang Jinbai': 'person',
      'Bo Ribbing': 'person',
    };
    for (const [name, type] of Object.entries(expected)) expect(byName.get(name)?.type, name).toBe(type);
    // "Chen" after "Chen Zhongyue" in seed 000 is his too: offered as an alias, and counted.
    expect(byName.get('Chen Zhongyue')).toMatchObject({ aliases: ['Chen'], mentions: 6, documents: 3 });
    expect(byName.get('State Grid')?.aliases).toContain('State Grid Corporation of China');
    expect(byName.get('China Telecom')?.aliases).toContain('China Telecom Group Co., Ltd.');
    const junk = ['Category & Hashtags', 'Looking', 'Mr', 'Smart+', 'Internet-based', 'Law', 'Datacentre', 'Communication Department of State Grid', 'Enterprise Department of China Telecom', 'Ltd.', 'August 2017', 'Leave a Reply'];
    for (const name of junk) expect(suggestions.some((s) => names(s).includes(nameKey(name))), name).toBe(false);
    expect(byName.has('Chen'), 'Chen on its own').toBe(false);
    // Places, and organisations that texts write as acronyms or after "cooperation with".
    for (const name of ['Henan', 'Heilongjiang', 'Shuangyashan', 'Zhuhai']) expect(byName.get(name)?.type, name).toBe('place');
    for (const name of ['ITU-T', 'MIIT', 'New H3C']) expect(byName.get(name)?.type, name).toBe('organisation');
    // "Unicom" on its own (“Unicom Work”, Unicom Finance) after "China Unicom" in the same report.
    expect(byName.get('China Unicom')?.aliases).toContain('Unicom');
    // People first, then organisations, places, events, topics; each by mentions.
    const order = ['person', 'organisation', 'place', 'event', 'topic'];
    expect(suggestions.map((s) => order.indexOf(s.type))).toEqual(suggestions.map((s) => order.indexOf(s.type)).sort((a, b) => a - b));
  });

  it('leave out existing entities and rejected suggestions, also after a restart', async () => {
    const first = await openTestDossier();
    await first.api.createEntity({ type: 'organisation', name: 'GSMA' });
    await first.api.rejectSuggestions(['John Hoffman']);
    const again = await openTestDossier(first.dataDir);
    const suggestions = await again.api.listSuggestions();
    const all = suggestions.flatMap(names);
    expect(all).not.toContain('gsma');
    expect(all).not.toContain('groupe speciale mobile association');
    expect(all).not.toContain('john hoffman');
    expect(all).toContain('chen zhongyue');
  });

  it('show the count the entity gets when accepted, though longer names overlap theirs', async () => {
    const { api } = await openTestDossier();
    const suggestions = await api.listSuggestions();
    for (const name of ['China Unicom', 'China Mobile', 'Chen Zhongyue', 'IoT', 'Big Data']) {
      const shown = suggestions.find((s) => s.name === name) as Suggestion;
      const [made] = await api.acceptSuggestions([{ type: shown.type, name: shown.name, aliases: shown.aliases }]);
      const entity = (await api.listEntities()).find((e) => e.id === made?.id);
      expect([name, entity?.mentions, entity?.documents]).toEqual([name, shown.mentions, shown.documents]);
    }
    expect(suggestions.find((s) => s.name === 'China Unicom')?.mentions).toBe(102);
  });

  it('become entities when accepted, as proposed or edited', async () => {
    const { api } = await openTestDossier();
    const people = (await api.listSuggestions()).filter((s) => s.type === 'person');
    const edited = people.map((s) => (s.name === 'Yang Jie' ? { type: 'person', name: 'Yang Jie', aliases: ['Chairman Yang'] } : { type: s.type, name: s.name, aliases: s.aliases }));
    const made = await api.acceptSuggestions(edited);
    expect(made.map((e) => e.name)).toEqual(people.map((s) => s.name));
    expect((await api.listSuggestions()).filter((s) => s.type === 'person')).toEqual([]);
    expect((await api.listEntities()).find((e) => e.name === 'Yang Jie')?.aliases).toEqual(['Chairman Yang']);
  });
});
