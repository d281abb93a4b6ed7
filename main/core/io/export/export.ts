import { randomUUID } from 'node:crypto';
import type { Annotation, ExportFormat, ExportResult, ExportScope } from '../../../common/contract';
import { sourceOf } from '../../../common/document-details';
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
  const { annotations, documents } = ctx;
  switch (scope.kind) {
    case 'document': {
      const doc = documents.get(scope.id);
      const found = await annotations.annotationsOf(doc.id);
      return { title: doc.title, annotations: found, documents: [await notesOf(ctx, doc.id, found)] };
    }
    case 'tag': {
      const found = await annotations.list({ tag: scope.tag });
      return { title: `Notes tagged ${scope.tag}`, annotations: found, documents: await byDocument(ctx, found) };
    }
    case 'entity': {
      const { entity, annotations: found } = await ctx.entities.detail(scope.id);
      return { title: `Notes on ${entity.name}`, annotations: found, documents: await byDocument(ctx, found) };
    }
    case 'library': {
      const found = await annotations.allAnnotations();
      return { title: 'Dossier notes', annotations: found, documents: await byDocument(ctx, found) };
    }
  }
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
  if (!doc) return { doc: { id: docId, title: 'A removed document', source: '', date: null }, notes: annotations.map(toNoteEntry), tags: [], entities: [] };
  return {
    doc: { id: doc.id, title: doc.title, source: sourceOf(doc), date: doc.date },
    notes: annotations.map(toNoteEntry),
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
