import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import {
  Color,
  HighlightColor,
  Id,
  NoteText,
  TagList,
  type AppSettings,
  type ExportedFile,
  type RestoreReport,
  type StoredAnnotation,
} from '../../common/contract';
import { DossierError } from '../../common/errors';
import type { CoreContext } from '../context';
import { hashText } from '../library/documents';
import { documentChanged } from './import/import';
import { DEFAULT_SETTINGS, sanitize } from '../library/settings';

/*
 * A backup is one JSON file with everything a person made: the documents
 * (texts included), annotations, entities and their types, document tags
 * and settings. Restoring merges it into the library: what is already there
 * (the same document text, an annotation with the same id, an entity with the
 * same name) is left alone, the rest is added, and the report says what.
 */

const FORMAT = 'dossier-backup';
const VERSION = 1;
const Text = (max: number) => z.string().max(max);
const Timestamp = z.string().max(40);

const BackupDocument = z.object({
  id: Id,
  title: Text(1000),
  date: Text(20).nullable(),
  source: Text(1000),
  origin: z.enum(['seed', 'import']),
  addedAt: Timestamp,
  /** How the text is written (Markdown, HTML as Markdown, a PDF extraction); plain text when absent. */
  format: z.enum(['text', 'markdown', 'html', 'pdf']).optional(),
  byline: Text(300).optional(),
  text: z.string(),
  tags: TagList,
});

const Offset = z.number().int().min(0);
const BackupAnnotation = z.object({
  id: Id,
  docId: Id,
  target: z.object({
    selector: z.tuple([
      z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string(), suffix: z.string() }),
      z.object({ type: z.literal('TextPositionSelector'), start: Offset, end: Offset }),
    ]),
  }),
  note: NoteText,
  tags: TagList,
  color: HighlightColor,
  created: Timestamp,
  modified: Timestamp,
});

const BackupEntityType = z.object({ id: z.string().max(40), name: Text(200), color: Color, builtin: z.boolean() });
const BackupEntity = z.object({ id: Id, type: z.string().max(40), name: Text(200), aliases: z.array(Text(200)).max(50), notes: z.string().max(20_000) });

const BackupFile = z.object({
  format: z.literal(FORMAT, { error: 'This file is not a Dossier backup' }),
  version: z.number().int().max(VERSION, { error: `This backup was made by a newer version of Dossier (format ${VERSION} is the newest this one reads)` }),
  createdAt: Timestamp,
  documents: z.array(BackupDocument),
  annotations: z.array(BackupAnnotation),
  entityTypes: z.array(BackupEntityType),
  entities: z.array(BackupEntity),
  settings: z.record(z.string(), z.unknown()),
});
type BackupFile = z.infer<typeof BackupFile>;

/** Everything the person made, as one backup file. */
export async function createBackup(ctx: CoreContext): Promise<ExportedFile> {
  const { documents, annotations, entities, tags } = ctx;
  const backup: BackupFile = {
    format: FORMAT,
    version: VERSION,
    createdAt: new Date().toISOString(),
    documents: await Promise.all(
      documents.list().map(async ({ hash: _hash, length: _length, words: _words, file: _file, ...doc }) => ({ ...doc, text: await documents.text(doc.id), tags: tags.documentTags(doc.id) })),
    ),
    annotations: (await annotations.allAnnotations()).map(({ anchor: _anchor, ...stored }) => stored),
    entityTypes: entities.types(),
    entities: (await entities.summaries()).map(({ mentions: _m, documents: _d, created: _c, modified: _mod, ...entity }) => entity),
    settings: { ...ctx.settings.get() },
  };
  return { name: `Dossier backup ${backup.createdAt.slice(0, 10)}.json`, mime: 'application/json', content: JSON.stringify(backup) };
}

/** Reads a backup file's bytes, or says in plain words why it is not one. */
export function readBackup(bytes: Uint8Array): BackupFile {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new DossierError('invalid_argument', `This file is not a Dossier backup (${(error as Error).message}). Choose a file made with “Back up library”.`);
  }
  const parsed = BackupFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
    const message = issue?.message ?? 'the file is damaged';
    throw new DossierError('invalid_argument', `${message.charAt(0).toUpperCase()}${message.slice(1)}${where}. Nothing was changed.`);
  }
  return parsed.data;
}

/**
 * Merges a backup into the library. Documents are matched by id or by text,
 * so the same document is never added twice and annotations follow it;
 * annotations by id, entities and entity types by name. Settings are taken
 * only by a library whose settings were never changed.
 */
export async function restoreBackup(ctx: CoreContext, backup: BackupFile): Promise<RestoreReport> {
  const report: RestoreReport = { documents: 0, annotations: 0, entities: 0, documentTags: 0, settings: false, problems: [] };
  const docIds = await restoreDocuments(ctx, backup, report);
  const annotations: StoredAnnotation[] = backup.annotations.map((a) => ({ ...a, docId: docIds.get(a.docId) ?? a.docId }));
  report.annotations = await ctx.annotations.adopt(annotations);
  await restoreEntities(ctx, backup, report);
  await restoreDocumentTags(ctx, backup, docIds, report);
  report.settings = await restoreSettings(ctx, backup.settings);
  return report;
}

/** Adds the documents the library lacks; returns where each backup document is now (its id, or the library's copy of it). */
async function restoreDocuments(ctx: CoreContext, backup: BackupFile, report: RestoreReport): Promise<Map<string, string>> {
  const { documents } = ctx;
  const docIds = new Map<string, string>();
  for (const { text, tags: _tags, ...doc } of backup.documents) {
    const hash = hashText(text);
    const present = documents.list().find((d) => d.id === doc.id) ?? documents.findByHash(hash);
    if (present) {
      docIds.set(doc.id, present.id);
      continue;
    }
    await documents.restore(doc, text);
    await documentChanged(ctx, doc.id);
    docIds.set(doc.id, doc.id);
    report.documents++;
  }
  return docIds;
}

async function restoreEntities(ctx: CoreContext, backup: BackupFile, report: RestoreReport): Promise<void> {
  const { entities } = ctx;
  const typeIds = new Map<string, string>();
  for (const type of backup.entityTypes) {
    const known = entities.types().find((t) => t.id === type.id || t.name.toLowerCase() === type.name.toLowerCase());
    typeIds.set(type.id, known ? known.id : (await entities.createType({ name: type.name, color: type.color })).id);
  }
  for (const entity of backup.entities) {
    if (entities.findByName(entity.name)) continue;
    try {
      await entities.create([{ type: typeIds.get(entity.type) ?? entity.type, name: entity.name, aliases: entity.aliases, notes: entity.notes }]);
      report.entities++;
    } catch (error) {
      if (!(error instanceof DossierError)) throw error;
      report.problems.push(`The entity “${entity.name}” was not restored: ${error.message}`);
    }
  }
}

async function restoreDocumentTags(ctx: CoreContext, backup: BackupFile, docIds: Map<string, string>, report: RestoreReport): Promise<void> {
  for (const doc of backup.documents) {
    const docId = docIds.get(doc.id) ?? doc.id;
    const current = ctx.tags.documentTags(docId);
    const merged = [...new Set([...current, ...doc.tags])];
    if (merged.length === current.length) continue;
    await ctx.tags.setDocumentTags(docId, merged);
    report.documentTags++;
  }
}

async function restoreSettings(ctx: CoreContext, stored: Record<string, unknown>): Promise<boolean> {
  const wanted: AppSettings = sanitize(stored);
  if (!isDeepStrictEqual(ctx.settings.get(), DEFAULT_SETTINGS) || isDeepStrictEqual(wanted, DEFAULT_SETTINGS)) return false;
  await ctx.settings.update(wanted);
  return true;
}
