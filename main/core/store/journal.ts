/**
 * Reading a file of JSON lines that is only ever appended to, one whole
 * line per fsynced write. A write cut short by a crash leaves at most one
 * partial line, the last, never acknowledged: it is left out. A line that
 * is not JSON before other lines that are means the file was damaged.
 */
export function journalLines(text: string): { entries: unknown[]; damaged: boolean } {
  const lines = text.split('\n');
  // What follows the last newline was never acknowledged: its write did not finish.
  lines.pop();
  const entries: unknown[] = [];
  let bad = false;
  let damaged = false;
  for (const line of lines) {
    try {
      entries.push(JSON.parse(line));
      if (bad) damaged = true;
    } catch {
      bad = true;
    }
  }
  return { entries, damaged };
}
