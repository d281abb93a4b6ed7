import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppSettings } from '../../../../main/common/contract';
import { createDispatcher } from '../../../../main/core/dispatch';
import { DEFAULT_SETTINGS } from '../../../../main/common/contract';
import { openTestDossier, tempDir } from '../../helpers';

describe('app settings', () => {
  it('start as "follow the system" with comfortable reading typography', async () => {
    const { api } = await openTestDossier();
    expect(await api.getSettings()).toEqual({ theme: 'system', reader: { font: 'serif', fontSize: 18, measure: 'medium', lineHeight: 1.65 }, sidebar: true, mentions: true, highlightColor: 'yellow' });
  });

  it('keep a changed theme and reader setting across restarts, without touching the others', async () => {
    const dir = await tempDir();
    const first = await openTestDossier(dir);
    await first.api.updateSettings({ theme: 'dark' });
    await first.api.updateSettings({ sidebar: false });
    await first.api.updateSettings({ highlightColor: 'purple' });
    const saved = await first.api.updateSettings({ reader: { fontSize: 21 } });
    expect(saved).toEqual({ theme: 'dark', reader: { ...DEFAULT_SETTINGS.reader, fontSize: 21 }, sidebar: false, mentions: true, highlightColor: 'purple' });

    const again = await openTestDossier(dir);
    expect(await again.api.getSettings()).toEqual(saved);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ schema: 1, theme: 'dark' });
  });

  it('tell the shell when they change', async () => {
    const dossier = await openTestDossier();
    const seen: AppSettings[] = [];
    dossier.events.on('settingsChanged', (settings) => seen.push(settings));
    await dossier.api.updateSettings({ theme: 'light' });
    expect(seen.map((s) => s.theme)).toEqual(['light']);
  });

  it('ignore a patch field sent as undefined instead of erasing the setting', async () => {
    const { api } = await openTestDossier();
    const saved = await api.updateSettings({ reader: { fontSize: undefined, measure: 'wide' } });
    expect(saved.reader).toEqual({ ...DEFAULT_SETTINGS.reader, measure: 'wide' });
  });

  it('refuse values out of range with a message that names the setting', async () => {
    const dossier = await openTestDossier();
    const dispatch = createDispatcher(dossier.api);
    const answer = await dispatch('updateSettings', [{ reader: { fontSize: 90 } }]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!answer.ok && answer.error.message).toBe('The reading size is at most 26 pixels');
    expect(await dispatch('updateSettings', [{ theme: 'sepia' }])).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await dossier.api.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keep the valid values of a hand-edited file and reset only the broken ones', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ schema: 1, theme: 'purple', reader: { font: 'sans', fontSize: 'big', lineHeight: 1.85 }, sidebar: 'no', highlightColor: 'orange' }));
    const { api } = await openTestDossier(dir);
    expect(await api.getSettings()).toEqual({ theme: 'system', reader: { font: 'sans', fontSize: 18, measure: 'medium', lineHeight: 1.85 }, sidebar: true, mentions: true, highlightColor: 'yellow' });
  });

  it('start from the defaults when the file is damaged, keeping the damaged file aside', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'settings.json'), '{"schema": 1, "theme": "da');
    const dossier = await openTestDossier(dir);
    expect(await dossier.api.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await dossier.api.getStatus()).notices.map((n) => n.message).join('\n')).toMatch(/settings\.json was moved aside/);
  });
});
