import { it } from 'vitest';
import { openTestDossier } from './helpers';
it('dump', async () => {
  const { api } = await openTestDossier();
  const s = await api.listSuggestions();
  for (const x of s) console.log(`${x.type}\t${x.mentions}\t${x.documents}\t${x.name}\t${x.aliases.join(' | ')}`);
  const made = await api.acceptSuggestions(s.map((x) => ({ type: x.type, name: x.name, aliases: x.aliases })).filter((x) => ['China Unicom', 'China Mobile', 'Chen Zhongyue'].includes(x.name)));
  const all = await api.listEntities();
  for (const e of all) console.log('accepted', e.name, e.mentions);
}, 60000);
