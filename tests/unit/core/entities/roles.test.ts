import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rolesAt } from '../../../../main/core/entities/roles';
import { sentenceAround } from '../../../../main/core/text/sentences';
import { SEED_DIR } from '../../helpers';

const seed = (prefix: string): string => {
  const name = readdirSync(SEED_DIR).find((n) => n.startsWith(prefix) && n.endsWith('.txt')) as string;
  return readFileSync(join(SEED_DIR, name), 'utf8');
};

/** The role phrases next to every occurrence of `name` in `text`, each occurrence's sentence as the limit. */
function rolesOf(text: string, name: string): string[] {
  const roles: string[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const [, sentenceEnd] = sentenceAround(text, 0, text.length, at, at + name.length);
    roles.push(...rolesAt(text, at, at + name.length, sentenceEnd));
  }
  return roles;
}

describe('role phrases in the seed documents', () => {
  it('reads the appositive after a name, up to the next comma', () => {
    const text = seed('000');
    expect(rolesOf(text, 'Chen Zhongyue')).toEqual(['Chairman of China Unicom']);
    expect(rolesOf(text, 'John Hoffman')).toEqual(['CEO at Groupe Speciale Mobile Association (GSMA)', 'CEO of GSMA']);
    expect(rolesOf(text, 'Jian Qin')).toEqual(['General Manager']);
    expect(rolesOf(text, 'Tang Yongbo')).toEqual(['Deputy General Manager of China Unicom']);
  });

  it('drops the article of "the chairman of …" and reads a title before the name', () => {
    const text = seed('001');
    expect(rolesOf(text, 'Yang Jie')).toEqual(['chairman of China Mobile', 'Chairman']);
    expect(rolesOf(text, 'Dong Xin')).toEqual(['General Manager of China Mobile']);
  });

  it('keeps a long role whole and tells the 2017 role of Chen Zhongyue', () => {
    expect(rolesOf(seed('002'), 'Chen Zhongyue')).toEqual(['deputy general manager and member of the Party group of China Telecom']);
    expect(rolesOf(seed('002'), 'Sun Zhengyun')).toEqual(['chief information Engineer of the company']);
    expect(rolesOf(seed('003'), 'Chen Zhongyue')).toEqual(['EVP of China Telecom']);
    expect(rolesOf(seed('003'), 'Bo Ribbing')).toEqual(['Head of Sales Development DCP']);
  });

  it('finds nothing where the words after the name are not a position', () => {
    expect(rolesOf(seed('000'), 'China Unicom')).toEqual([]);
    expect(rolesOf('Yang Jie, Dong Xin and Chen Zhongyue attended.', 'Yang Jie')).toEqual([]);
    expect(rolesOf('Chen Zhongyue, who spoke first, left.', 'Chen Zhongyue')).toEqual([]);
    expect(rolesOf('Magnus Rahm and Miguel Blockstrand of Ericsson also discussed it.', 'Magnus Rahm')).toEqual([]);
  });
});
