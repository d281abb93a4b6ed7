/**
 * What the crash child writes and the crash test looks for afterwards, made
 * the same way on both sides from a run number and a sequence number.
 */

/** The text of the document imported as number `n` of run `run`. */
export const importedText = (run: number, n: number): string =>
  `Crash import ${run}-${n}\n\nA document imported while Dossier could be killed at any moment, number ${n} of run ${run}.\n`;

/** The name of the entity created as number `n` of run `run`; its notes say the last edit acknowledged ("edit <seq>"). */
export const entityName = (run: number, n: number): string => `Crash Entity ${run}x${n}`;

/** What backup number `k` restores: one document, a note on it, an entity and a document tag. */
export function restoredParts(k: number) {
  const text = `Restored report ${k}\n\nThe harbour board restored this report from backup number ${k}.\n`;
  return {
    docId: `crashdoc${k}`,
    annotationId: `crashnote${k}`,
    entity: `Restored Company ${k}`,
    tag: `restored/r${k}`,
    text,
  };
}

/** Backup number `k`, as "Back up library…" writes one. */
export function backupFile(k: number): string {
  const parts = restoredParts(k);
  const at = parts.text.indexOf('harbour board');
  return JSON.stringify({
    format: 'dossier-backup',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    documents: [{ id: parts.docId, title: `Restored report ${k}`, date: null, source: `restored-${k}.txt`, origin: 'import', addedAt: '2026-01-01T00:00:00.000Z', text: parts.text, tags: [parts.tag] }],
    annotations: [
      {
        id: parts.annotationId,
        docId: parts.docId,
        target: {
          selector: [
            { type: 'TextQuoteSelector', exact: 'harbour board', prefix: parts.text.slice(Math.max(0, at - 32), at), suffix: parts.text.slice(at + 13, at + 45) },
            { type: 'TextPositionSelector', start: at, end: at + 13 },
          ],
        },
        note: `restored note ${k}`,
        tags: [],
        color: 'blue',
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
      },
    ],
    entityTypes: [],
    entities: [{ id: `crashent${k}`, type: 'organisation', name: parts.entity, aliases: [], notes: '' }],
    settings: {},
  });
}
