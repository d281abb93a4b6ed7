import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers';

// Electron's binary cannot run here; the module only needs these names to load.
vi.mock('electron', () => ({ app: {}, BrowserWindow: {}, dialog: {}, ipcMain: {} }));
const { planExportFolder } = await import('../../../main/electron-main/files');

const EXPORTED = ['Annual report.md', 'Minutes.md', 'Letters.md'];

describe('a multi-file export into a folder', () => {
  it('goes straight into a folder that does not exist yet', async () => {
    const parent = await tempDir();
    expect(await planExportFolder(parent, 'Dossier notes', EXPORTED)).toEqual({ ask: false, folder: join(parent, 'Dossier notes') });
  });

  it('goes straight into an empty folder', async () => {
    const parent = await tempDir();
    await mkdir(join(parent, 'Dossier notes'));
    expect(await planExportFolder(parent, 'Dossier notes', EXPORTED)).toEqual({ ask: false, folder: join(parent, 'Dossier notes') });
  });

  it('asks first where the folder has files, saying which ones it would replace and offering a free folder beside it', async () => {
    const parent = await tempDir();
    const folder = join(parent, 'Dossier notes');
    await mkdir(folder);
    for (const name of ['Minutes.md', 'Annual report.md', 'my own thoughts.txt']) await writeFile(join(folder, name), 'kept?');
    await mkdir(join(folder, 'attachments'));
    await mkdir(join(parent, 'Dossier notes 2'));
    expect(await planExportFolder(parent, 'Dossier notes', EXPORTED)).toEqual({
      ask: true,
      folder,
      replaced: ['Annual report.md', 'Minutes.md'],
      kept: 2,
      alternative: join(parent, 'Dossier notes 3'),
    });
  });

  it('asks even where nothing there has an exported file’s name', async () => {
    const parent = await tempDir();
    await mkdir(join(parent, 'Dossier notes'));
    await writeFile(join(parent, 'Dossier notes', 'unrelated.txt'), '');
    expect(await planExportFolder(parent, 'Dossier notes', EXPORTED)).toMatchObject({ ask: true, replaced: [], kept: 1, alternative: join(parent, 'Dossier notes 2') });
  });
});
