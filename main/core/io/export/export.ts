import { randomUUID } from 'node:crypto';
import type { Annotation, ExportFormat, ExportResult, ExportScope } from '../../../common/contract';
import { sourceOf } from '../../../common/document-details';
import { describeRange } from '../../annotations/anchoring';
import type { CoreContext } from '../../context';
import { notesCsv } from './csv';
import { safeFileName, uniqueNames } from './files';
import { annotationCollection } from './jsonld';
import { collectionMarkdown, documentMarkdown } from './markdown';
import { toNoteEntry, type DocumentNotes } from './notes';

/** The annotations an export covers, grouped by document in reading order, and what to call the export. */
interface Gathered {
  title: string;
  annotations: Annotation[];
  documents: DocumentNotes[];
}

async function gather(ctx: CoreContext, scope: ExportScope): Promise<Gathered> {
  const { title, found } = await chosen(ctx, scope);
  const annotations = await asTheyAreNow(ctx, found);
  const documents = scope.kind === 'document' ? [await notesOf(ctx, scope.id, annotations)] : await byDocument(ctx, annotations);
  return { title, annotations, documents };
}

/** The annotations a scope covers, and what to call the export. */
async function chosen(ctx: CoreContext, scope: ExportScope): Promise<{ title: string; found: Annotation[] }> {
  const { annotations, documents } = ctx;
  switch (scope.kind) {
    case 'document': {
      const doc = documents.get(scope.id);
      return { title: doc.title, found: await annotations.annotationsOf(doc.id) };
    }
    case 'tag':
      return { title: `Notes tagged ${scope.tag}`, found: await annotations.list({ tag: scope.tag }) };
    case 'entity': {
      const { entity, annotations: found } = await ctx.entities.detail(scope.id);
      return { title: `Notes on ${entity.name}`, found };
    }
    case 'library':
      return { title: 'Dossier notes', found: await annotations.allAnnotations() };
  }
}

/**
 * Each annotation described by the passage it covers now: after its document
 * changed, an annotation found again elsewhere (or in a slightly different
 * wording) exports the text it highlights today, not the one it was made on.
 * Orphans keep what they remember.
 */
async function asTheyAreNow(ctx: CoreContext, annotations: Annotation[]): Promise<Annotation[]> {
  const texts = new Map<string, Promise<string>>();
  const textOf = (docId: string): Promise<string> => {
    let text = texts.get(docId);
    if (!text) texts.set(docId, (text = ctx.documents.text(docId)));
    return text;
  };
  return Promise.all(
    annotations.map(async (annotation) => {
      const { anchor } = annotation;
      if (anchor.status !== 'anchored') return annotation;
      return { ...annotation, target: { selector: describeRange(await textOf(annotation.docId), anchor) } };
    }),
  );
}

/** Annotations (already in document and reading order) as one group per document. */
function byDocument(ctx: CoreContext, annotations: Annotation[]): Promise<DocumentNotes[]> {
  const groups = new Map<string, Annotation[]>();
  for (const a of annotations) groups.set(a.docId, [...(groups.get(a.docId) ?? []), a]);
  return Promise.all([...groups].map(([docId, list]) => notesOf(ctx, docId, list)));
}

async function notesOf(ctx: CoreContext, docId: string, annotations: Annotation[]): Promise<DocumentNotes> {
  const doc = ctx.documents.list().find((d) => d.id === docId);
  // An annotation outlives a removed document; its notes still export, under a placeholder.
  if (!doc) return { doc: { id: docId, title: 'A removed document', source: '', date: null }, notes: annotations.map((a) => toNoteEntry(a, null)), tags: [], entities: [] };
  const blocks = await ctx.documents.blocks(docId);
  return {
    doc: { id: doc.id, title: doc.title, source: sourceOf(doc), date: doc.date },
    notes: annotations.map((a) => toNoteEntry(a, blocks)),
    tags: ctx.tags.documentTags(docId),
    entities: await entityNames(ctx, docId),
  };
}

/** The names of the entities a document mentions, in order of first mention. */
async function entityNames(ctx: CoreContext, docId: string): Promise<string[]> {
  const ids = [...new Set((await ctx.entities.mentionsOf(docId)).map((m) => m.entityId))];
  return ids.map((id) => ctx.entities.get(id).name);
}

/** Writes the gathered notes in one format. */
function write(scope: ExportScope, format: ExportFormat, gathered: Gathered, now: string): ExportResult {
  const count = gathered.annotations.length;
  const one = (extension: string, mime: string, content: string): ExportResult => {
    const name = safeFileName(gathered.title, extension);
    return { name, files: [{ name, mime, content }], annotations: count };
  };
  if (format === 'csv') return one('csv', 'text/csv', notesCsv(gathered.documents));
  if (format === 'jsonld') {
    const collection = annotationCollection(gathered.annotations, { id: `urn:uuid:${randomUUID()}`, label: gathered.title, generatedAt: now });
    return one('jsonld', 'application/ld+json', `${JSON.stringify(collection, null, 2)}\n`);
  }
  if (scope.kind === 'document') return one('md', 'text/markdown', documentMarkdown(gathered.documents[0] as DocumentNotes, now));
  if (scope.kind === 'tag') return one('md', 'text/markdown', collectionMarkdown(gathered.title, [scope.tag], gathered.documents, now));
  if (scope.kind === 'entity') return one('md', 'text/markdown', collectionMarkdown(gathered.title, [], gathered.documents, now));
  // The whole library: a folder with one file per document that has notes.
  const names = uniqueNames(gathered.documents.map((d) => safeFileName(d.doc.title, 'md')));
  const files = gathered.documents.map((d, i) => ({ name: names[i] as string, mime: 'text/markdown', content: documentMarkdown(d, now) }));
  return { name: `Dossier notes ${now.slice(0, 10)}`, files, annotations: count };
}

/** The notes of a scope (a document, a tag, an entity, the library) in one format. */
export async function exportNotes(ctx: CoreContext, scope: ExportScope, format: ExportFormat): Promise<ExportResult> {
  return write(scope, format, await gather(ctx, scope), new Date().toISOString());
}
