import { recentDocumentIds } from '../app/session';

/*
 * The split view's address: `#/split/<left>/<right>?l=<block>&r=<block>`,
 * the two documents and the first block in view in each, so back/forward,
 * a restart and a link reopen the same view.
 */

/** Which of the two panes. */
export type Side = 'left' | 'right';
export const SIDES: readonly Side[] = ['left', 'right'];
export const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');

export interface SplitState {
  left: string;
  /** Null while the person picks the document to read beside. */
  right: string | null;
  /** The first block in view, by side. */
  blocks: Record<Side, number | null>;
}

/** The route of a split view. */
export function splitPath({ left, right, blocks }: SplitState): string {
  const query = new URLSearchParams();
  if (blocks.left !== null && blocks.left > 0) query.set('l', String(blocks.left));
  if (right !== null && blocks.right !== null && blocks.right > 0) query.set('r', String(blocks.right));
  const search = query.toString();
  return `/split/${encodeURIComponent(left)}${right === null ? '' : `/${encodeURIComponent(right)}`}${search ? `?${search}` : ''}`;
}

/** A block index from the address, or null when it is missing or not one. */
export function readBlock(value: string | null): number | null {
  return value !== null && /^\d{1,7}$/.test(value) ? Number(value) : null;
}

/**
 * Where "Open beside" on `docId` leads from the view at `pathname`: beside
 * the document being read; in a split view, in place of the right pane;
 * elsewhere beside the document read last, or alone with a picker for the
 * other side when there is none.
 */
export function besidePath(pathname: string, docId: string, block: number | null = null): string {
  const blocks = { left: null, right: block };
  const reading = /^\/doc\/([^/]+)$/.exec(pathname)?.[1];
  const split = /^\/split\/([^/]+)/.exec(pathname)?.[1];
  const current = reading ?? split ?? recentDocumentIds()[0];
  const left = current === undefined ? undefined : decodeURIComponent(current);
  if (left === undefined || left === docId) return splitPath({ left: docId, right: null, blocks: { left: block, right: null } });
  return splitPath({ left, right: docId, blocks });
}

/** Where "Open beside" leads for an in-app link to a document (`/doc/<id>?block=<n>`); null for other links. */
export function besideLink(pathname: string, link: string): string | null {
  const match = /^#?\/doc\/([A-Za-z0-9_-]+)(?:\?(.*))?$/.exec(link);
  if (!match?.[1]) return null;
  return besidePath(pathname, match[1], readBlock(new URLSearchParams(match[2] ?? '').get('block')));
}
