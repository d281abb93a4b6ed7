import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startWeb, test } from '../fixtures';

test('a second `npm run web` on a data folder in use refuses and says why', async ({ web }) => {
  const second = startWeb(web.dataDir);
  await expect(second).rejects.toThrow(/web server exited with 1/);
  const message = await second.catch((error: Error) => error.message);
  expect(message).toContain(`The data folder ${web.dataDir} is already open in \`npm run web\` (process`);
  expect(message).toContain('Close that Dossier first, or open another folder (npm run web -- --data DIR).');
  // The first one still serves.
  const reply = await fetch(`${web.origin}/api/getStatus`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dossier-token': web.token }, body: '[]' });
  expect(reply.status).toBe(200);
});

test('`npm run web` takes over the folder of a Dossier that was killed', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dossier-e2e-lock-'));
  try {
    const first = await startWeb(dataDir);
    const pid = first.child.pid;
    await new Promise((done) => {
      first.child.once('exit', done);
      first.child.kill('SIGKILL');
    });
    expect(JSON.parse(await readFile(join(dataDir, 'dossier.lock'), 'utf8')).pid).toBe(pid);
    const second = await startWeb(dataDir);
    expect(JSON.parse(await readFile(join(dataDir, 'dossier.lock'), 'utf8')).pid).toBe(second.child.pid);
    await new Promise((done) => {
      second.child.once('exit', done);
      second.child.kill('SIGTERM');
    });
    // A clean stop gives the folder back.
    await expect(readFile(join(dataDir, 'dossier.lock'), 'utf8')).rejects.toThrow(/ENOENT/);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
