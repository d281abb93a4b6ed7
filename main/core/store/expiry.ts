/*
 * How long something deleted is kept so that it can be brought back (a
 * deleted note for Undo, a document in the Trash), and when it may go for good.
 */

const KEPT_MS = 30 * 24 * 3600 * 1000;

/** When something was deleted, by the clock of the session that deleted it, and which session that was (Store.session). */
export interface Deletion {
  deleted?: string;
  deletedIn?: string;
}

/**
 * Whether something deleted may go for good: once it was deleted more than
 * 30 days ago by the clock AND in an earlier session. The clock alone is not
 * trusted: set forward by a month, it would empty the Undo (or the Trash) of
 * this very session. A session's own deletions stay until Dossier starts again.
 */
export function expired(deletion: Deletion, session: string, now: number = Date.now()): boolean {
  if (!deletion.deleted || deletion.deletedIn === session) return false;
  const deleted = Date.parse(deletion.deleted);
  return Number.isFinite(deleted) && deleted < now - KEPT_MS;
}
