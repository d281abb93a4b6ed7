/**
 * One of the starts tests/unit/node/lock.test.ts races on a data folder. It
 * loads at once, then answers one line of stdin per round:
 *
 *   take DIR    tries lockDataDir(DIR) and says `won`, `refused <message>` (a conflict) or `error <message>`
 *   release     gives back the lock it won, then says `released`
 */
import { createInterface } from 'node:readline';
import { writeSync } from 'node:fs';
import { lockDataDir, type DataLock } from '../../../main/node/lock';

const say = (line: string): void => void writeSync(1, `${line}\n`);
let lock: DataLock | null = null;

for await (const line of createInterface({ input: process.stdin })) {
  const [command, dir = ''] = line.split(' ');
  if (command === 'take') {
    try {
      lock = await lockDataDir(dir, 'web');
      say('won');
    } catch (error) {
      const { code, message } = error as { code?: string; message: string };
      say(`${code === 'conflict' ? 'refused' : 'error'} ${message}`);
    }
  } else if (command === 'release') {
    lock?.release();
    lock = null;
    say('released');
  }
}
