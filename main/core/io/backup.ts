import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import {
  Color,
  EntityTypeId,
  Id,
  Tag,
  type AppSettings,
  type ExportedFile,
  type NewEntity,
  type RestoreReport,
} from '../../common/contract';
import { DossierError } from '../../common/errors';
import { StoredAnnotationShape, type Adoption } from '../annotations/annotations';
import type { CoreContext } from '../context';
import { hashText, type DocumentRecord } from '../library/documents';
import { documentChanged } from './import/import';
import { DEFAULT_SETTINGS } from '../../common/contract';
import { sanitize } from '../library/settings';

/*
 * A backup is one JSON file with everything a person made: the documents
 * (texts included), annotations, entities and their types, document tags
 * and settings. Restoring merges it into the library: what is already there
 * (the same document text, an annotation with the same id, an entity with the
 * same name) is left alone, the rest is added, annotations deleted since the
 * backup come back, and the report says what.
 *
 * The whole file is checked first, and everything the restore will do is
 * worked out before anything changes; then it is made as one store
 * transaction, so that it lands all of it or none of it, even if Dossier is
 * killed half-way or the disk fills up.
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
  sourceLabel: Text(1000).optional(),
  /** How the text is written (Markdown, HTML as Markdown, a PDF extraction); plain text when absent. */
  format: z.enum(['text', 'markdown', 'html', 'pdf']).optional(),
  byline: Text(300).optional(),
  text: z.string(),
  tags: z.array(Tag),
});

const BackupEntityType = z.object({ id: EntityTypeId, name: Text(200), color: Color, builtin: z.boolean() });
// As many aliases and as long notes as merging entities can make: a library's own backup always restores.
const BackupEntity = z.object({ id: Id, type: EntityTypeId, name: Text(200), aliases: z.array(Text(200)), notes: z.string() });

/** Ids that two items of one list share; each must be unique. */
function unique<T>(field: string, list: readonly T[], id: (item: T) => string, context: z.RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(id(item))) context.addIssue({ code: 'custom', path: [field, i, 'id'], message: `the id ${JSON.stringify(id(item))} is there twice` });
    seen.add(id(item));
  });
}

const BackupFile = z
  .object({
    format: z.literal(FORMAT, { error: 'This file is not a Dossier backup' }),
    version: z.number().int().max(VERSION, { error: `This backup was made by a newer version of Dossier (format ${VERSION} is the newest this one reads)` }),
    createdAt: Timestamp,
    documents: z.array(BackupDocument),
    annotations: z.array(StoredAnnotationShape),
    entityTypes: z.array(BackupEntityType),
    entities: z.array(BackupEntity),
    settings: z.record(z.string(), z.unknown()),
  })
  .superRefine((backup, context) => {
    unique('documents', backup.documents, (d) => d.id, context);
    unique('annotations', backup.annotations, (a) => a.id, context);
    unique('entityTypes', backup.entityTypes, (t) => t.id, context);
    unique('entities', backup.entities, (e) => e.id, context);
    const documents = new Set(backup.documents.map((d) => d.id));
    backup.annotations.forEach((a, i) => {
      if (!documents.has(a.docId)) context.addIssue({ code: 'custom', path: ['annotations', i, 'docId'], message: `no document of the backup has the id ${JSON.stringify(a.docId)}` });
    });
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

/** What a backup's lists hold, in words: where a problem is, for the person. */
const ITEMS = { documents: 'document', annotations: 'note', entityTypes: 'entity type', entities: 'entity' } as const;

/** Reads a backup file's bytes, or says in plain words why it is not one. */
export function readBackup(bytes: Uint8Array): BackupFile {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new DossierError('invalid_argument', 'This file is not a Dossier backup: it is not the JSON text a backup is. Choose a file made with “Back up”.');
  }
  const parsed = BackupFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [field, index] = issue?.path ?? [];
    const item = typeof field === 'string' && Object.hasOwn(ITEMS, field) ? ITEMS[field as keyof typeof ITEMS] : undefined;
    const where = item && typeof index === 'number' ? ` (${item} ${index + 1} of the backup)` : '';
    const message = issue?.message ?? 'the file is damaged';
    throw new DossierError('invalid_argument', `${message.charAt(0).toUpperCase()}${message.slice(1)}${where}. Nothing was changed.`);
  }
  return parsed.data;
}

/** Everything a restore will do, worked out before anything changes. */
interface Plan {
  documents: Array<{ record: Omit<DocumentRecord, 'hash' | 'length' | 'words'>; text: string }>;
  /** Documents of the backup that wait in the Trash: they come back from it, as they were deleted. */
  fromTrash: DocumentRecord[];
  adoption: Adoption;
  types: Array<{ id: string; name: string; color: string }>;
  entities: NewEntity[];
  tags: Array<{ docId: string; before: string[]; after: string[] }>;
  settings: { before: AppSettings; after: AppSettings } | null;
  problems: string[];
}

/**
 * Merges a backup into the library. Documents are matched by id or by text,
 * so the same document is never added twice and annotations follow it;
 * annotations by id, entities and entity types by name. Settings are taken
 * only by a library whose settings were never changed.
 */
export async function restoreBackup(ctx: CoreContext, backup: BackupFile): Promise<RestoreReport> {
  const made: { plan: Plan | null; done: Done } = { plan: null, done: { documents: [], types: [], entities: [] } };
  // Worked out inside the transaction, so that no other change comes between the plan and its making.
  const plan = await ctx.store.transaction(
    'The restore from a backup',
    async () => {
      made.plan = await planRestore(ctx, backup);
      await applyRestore(ctx, made.plan, made.done);
      return made.plan;
    },
    async () => {
      if (made.plan) await undoRestore(ctx, made.plan, made.done);
    },
  );
  return {
    documents: plan.documents.length,
    annotations: plan.adoption.add.length,
    annotationsBroughtBack: plan.adoption.bringBack.length,
    entityTypes: plan.types.length,
    entities: plan.entities.length,
    documentTags: plan.tags.length,
    settings: plan.settings !== null,
    problems: plan.problems,
  };
}

async function planRestore(ctx: CoreContext, backup: BackupFile): Promise<Plan> {
  const { documents, fromTrash, docIds } = planDocuments(ctx, backup);
  const annotations = backup.annotations.map((a) => ({ ...a, docId: docIds.get(a.docId) ?? a.docId }));
  const { types, entities, problems } = await planEntities(ctx, backup);
  return { documents, fromTrash, adoption: ctx.annotations.planAdoption(annotations), types, entities, tags: planTags(ctx, backup, docIds), settings: planSettings(ctx, backup.settings), problems };
}

/** The documents the library lacks, and where each backup document will be (its id, or the library's copy of its text). */
function planDocuments(ctx: CoreContext, backup: BackupFile) {
  const docIds = new Map<string, string>();
  const ids = new Set(ctx.documents.list().map((d) => d.id));
  const byHash = new Map(ctx.documents.list().map((d) => [d.hash, d.id]));
  const documents: Plan['documents'] = [];
  const fromTrash: DocumentRecord[] = [];
  for (const { text, tags: _tags, ...record } of backup.documents) {
    const hash = hashText(text);
    const trashed = ctx.documents.inTrash(record.id);
    if (trashed) fromTrash.push(trashed);
    const present = ids.has(record.id) || trashed ? record.id : byHash.get(hash);
    if (present) {
      docIds.set(record.id, present);
      continue;
    }
    documents.push({ record, text });
    docIds.set(record.id, record.id);
    byHash.set(hash, record.id);
  }
  return { documents, fromTrash, docIds };
}

/** The entity types and entities to create (by name, those the library lacks), and those that cannot be, with why. */
async function planEntities(ctx: CoreContext, backup: BackupFile): Promise<Pick<Plan, 'types' | 'entities' | 'problems'>> {
  const { entities } = ctx;
  const problems: string[] = [];
  const typeIds = new Map<string, string>();
  const types: Plan['types'] = [];
  for (const type of backup.entityTypes) {
    const known = entities.types().find((t) => t.id === type.id || t.name.toLowerCase() === type.name.toLowerCase()) ?? types.find((t) => t.name.toLowerCase() === type.name.toLowerCase());
    if (known) {
      typeIds.set(type.id, known.id);
      continue;
    }
    try {
      types.push({ id: type.id, name: entities.checkTypeName(type.name), color: type.color });
      typeIds.set(type.id, type.id);
    } catch (error) {
      if (!(error instanceof DossierError)) throw error;
      problems.push(`The entity type “${type.name}” was not restored: ${error.message}`);
    }
  }
  const wanted = backup.entities
    .filter((e) => !entities.findByName(e.name))
    .map((e): NewEntity => ({ type: typeIds.get(e.type) ?? e.type, name: e.name, aliases: e.aliases, notes: e.notes }));
  const { accepted, refused } = await entities.check(wanted, new Set(types.map((t) => t.id)));
  for (const { input, reason } of refused) problems.push(`The entity “${input.name}” was not restored: ${reason}`);
  return { types, entities: accepted, problems };
}

/** Every document's tags as they will be: its own and the backup's. */
function planTags(ctx: CoreContext, backup: BackupFile, docIds: Map<string, string>): Plan['tags'] {
  const merged = new Map<string, { before: string[]; after: string[] }>();
  for (const doc of backup.documents) {
    const docId = docIds.get(doc.id) ?? doc.id;
    const entry = merged.get(docId) ?? { before: ctx.tags.documentTags(docId), after: ctx.tags.documentTags(docId) };
    entry.after = [...new Set([...entry.after, ...doc.tags])];
    merged.set(docId, entry);
  }
  return [...merged].filter(([, { before, after }]) => after.length > before.length).map(([docId, tags]) => ({ docId, ...tags }));
}

function planSettings(ctx: CoreContext, stored: Record<string, unknown>): Plan['settings'] {
  const before = ctx.settings.get();
  const after: AppSettings = sanitize(stored);
  if (!isDeepStrictEqual(before, DEFAULT_SETTINGS) || isDeepStrictEqual(after, DEFAULT_SETTINGS)) return null;
  return { before, after };
}

interface Done {
  documents: string[];
  types: string[];
  entities: string[];
}

async function applyRestore(ctx: CoreContext, plan: Plan, done: Done): Promise<void> {
  if (plan.fromTrash.length > 0) {
    await ctx.documents.move({ back: plan.fromTrash.map((d) => d.id) });
    for (const { id } of plan.fromTrash) await documentChanged(ctx, id);
  }
  for (const { record, text } of plan.documents) {
    await ctx.documents.restore(record, text);
    done.documents.push(record.id);
    await documentChanged(ctx, record.id);
  }
  await ctx.annotations.adopt(plan.adoption);
  const typeIds = new Map<string, string>();
  for (const type of plan.types) {
    const made = await ctx.entities.createType({ name: type.name, color: type.color });
    done.types.push(made.id);
    typeIds.set(type.id, made.id);
  }
  if (plan.entities.length > 0) {
    const created = await ctx.entities.create(plan.entities.map((e) => ({ ...e, type: typeIds.get(e.type) ?? e.type })));
    done.entities.push(...created.map((e) => e.id));
  }
  for (const { docId, after } of plan.tags) await ctx.tags.setDocumentTags(docId, after);
  if (plan.settings) await ctx.settings.update(plan.settings.after);
}

/** Puts back everything a failed restore changed, newest first; each step is harmless when its change was never made. */
async function undoRestore(ctx: CoreContext, plan: Plan, done: Done): Promise<void> {
  if (plan.settings && !isDeepStrictEqual(ctx.settings.get(), plan.settings.before)) await ctx.settings.update(plan.settings.before);
  for (const { docId, before } of plan.tags) if (ctx.tags.documentTags(docId).length > before.length) await ctx.tags.setDocumentTags(docId, before);
  if (done.entities.length + done.types.length > 0) await ctx.entities.remove(done.entities, done.types);
  await ctx.annotations.unadopt(plan.adoption);
  for (const docId of done.documents.reverse()) {
    await ctx.documents.remove(docId);
    ctx.events.emit('documentRemoved', docId);
  }
  for (const record of plan.fromTrash.filter((d) => ctx.documents.has(d.id))) {
    await ctx.documents.put(record);
    ctx.events.emit('documentRemoved', record.id);
  }
}
