import pLimit from 'p-limit';
import type { DeletedDocuments, RestoreChoice, TrashConflict, TrashedDocument, TrashRestore } from '../../common/contract';
import type { CoreContext } from '../context';
import { documentChanged } from '../io/import/import';
import { expired } from '../store/expiry';
import { notInTrash, summaryOf, type DocumentRecord, type TrashMark } from './documents';

/*
 * The Trash. Deleting a document only marks its record (Documents.move): it
 * leaves the library, search, entity mentions, tags and the Notes view at
 * once (documentRemoved), while its text, its annotations file and its tags
 * stay as they are, so that restoring it (documentChanged) brings back the
 * same document: same id, notes, tags and dates. After 30 days, by the rule
 * deleted notes follow (store/expiry.ts), or when the person says so, it is
 * deleted for good: its notes, its tags, its record, then its text.
 */

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

export class Trash {
  /** One change of the Trash at a time: a restore in one window never meets a deletion for good in another half-way. */
  private readonly turn = pLimit(1);

  constructor(private readonly ctx: CoreContext) {}

  /** How many live annotations the documents have: what deleting them takes along. */
  countNotes(ids: readonly string[]): number {
    return unique(ids).reduce((sum, id) => sum + this.ctx.annotations.countOf(id), 0);
  }

  /** Moves documents to the Trash, all of them or none (none when one was deleted meanwhile, say in another window). */
  delete(ids: readonly string[]): Promise<DeletedDocuments> {
    return this.turn(async () => {
      const wanted = unique(ids);
      await this.ctx.documents.move({ trash: wanted });
      for (const id of wanted) this.ctx.events.emit('documentRemoved', id);
      // A session that runs for weeks empties what earlier sessions left, too.
      this.ctx.store.background(this.expire());
      return { ids: wanted, annotations: this.countNotes(wanted) };
    });
  }

  /** The documents in the Trash, the most recently deleted first. */
  list(): TrashedDocument[] {
    const { documents, annotations, tags } = this.ctx;
    return documents
      .trashed()
      .map((doc) => ({ ...summaryOf(doc), deletedAt: (doc.trashed as TrashMark).deleted, annotations: annotations.countOf(doc.id), tags: tags.documentTags(doc.id) }))
      .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  /**
   * Brings documents back from the Trash. One whose text, or whose file,
   * came into the library again meanwhile is never merged with it: with
   * `ask`, nothing is restored and the conflicts are returned; `keep-both`
   * restores it beside the copy; `replace` moves the copy to the Trash.
   */
  restore(ids: readonly string[], choice: RestoreChoice): Promise<TrashRestore> {
    return this.turn(async () => {
      const wanted = unique(ids);
      const conflicts = wanted.flatMap((id) => {
        const doc = this.ctx.documents.inTrash(id);
        const copies = doc ? this.copiesOf(doc) : [];
        return copies.length > 0 ? [{ doc: doc as DocumentRecord, copies }] : [];
      });
      if (conflicts.length > 0 && choice === 'ask') return { restored: [], replaced: [], conflicts: conflicts.map(describeConflict) };
      const replacing = choice === 'replace' ? unique(conflicts.flatMap((c) => c.copies.map((d) => d.id))) : [];
      const moved = await this.ctx.documents.move({ trash: replacing, back: wanted });
      for (const id of replacing) this.ctx.events.emit('documentRemoved', id);
      for (const id of wanted) await documentChanged(this.ctx, id);
      return { restored: moved.slice(replacing.length).map(summaryOf), replaced: moved.slice(0, replacing.length).map(summaryOf), conflicts: [] };
    });
  }

  /** Deletes documents of the Trash for good; returns how many. */
  purge(ids: readonly string[]): Promise<number> {
    return this.turn(() => this.purgeNow(unique(ids)));
  }

  /** Deletes for good what has waited in the Trash long enough (deleted over 30 days ago, in an earlier session). */
  expire(): Promise<number> {
    return this.turn(() => this.purgeNow(this.ctx.documents.trashed().flatMap((doc) => (expired(doc.trashed as TrashMark, this.ctx.store.session) ? [doc.id] : []))));
  }

  /**
   * What belongs to the documents goes first, their records last: a failure
   * half-way leaves them in the Trash, to be deleted again, and never leaves
   * notes or tags behind for a later document with the same id.
   */
  private async purgeNow(ids: string[]): Promise<number> {
    const { documents, annotations, tags } = this.ctx;
    if (ids.length === 0) return 0;
    const missing = ids.find((id) => !documents.inTrash(id));
    if (missing !== undefined) throw notInTrash(documents.has(missing) ? documents.get(missing) : undefined, 'deleted');
    for (const id of ids) {
      await annotations.removeDocument(id);
      await tags.removeDocument(id);
    }
    await documents.purge(ids);
    return ids.length;
  }

  /** The documents of the library with the same text as `doc`, or imported from a file of the same name. */
  private copiesOf(doc: DocumentRecord): DocumentRecord[] {
    return this.ctx.documents.list().filter((d) => d.hash === doc.hash || (doc.origin === 'import' && d.origin === 'import' && d.source === doc.source));
  }
}

function describeConflict({ doc, copies }: { doc: DocumentRecord; copies: DocumentRecord[] }): TrashConflict {
  return { id: doc.id, title: doc.title, copies: copies.map((d) => ({ id: d.id, title: d.title })) };
}
