import type { TagInfo } from '../../../main/common/contract';
import { plural } from '../app/plural';

/** A tag with the tags directly under it. */
export interface TagNode extends TagInfo {
  /** The last level of the path: "china" of "operators/china". */
  label: string;
  depth: number;
  children: TagNode[];
}

/** The tags (sorted by path, every level present, as listTags returns them) as a tree. */
export function tagTree(tags: readonly TagInfo[]): TagNode[] {
  const roots: TagNode[] = [];
  const byPath = new Map<string, TagNode>();
  for (const info of tags) {
    const cut = info.tag.lastIndexOf('/');
    const node: TagNode = { ...info, label: info.tag.slice(cut + 1), depth: info.tag.split('/').length - 1, children: [] };
    byPath.set(info.tag, node);
    const parent = cut < 0 ? undefined : byPath.get(info.tag.slice(0, cut));
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** "3 documents, 1 annotation": what a tag's count stands for. */
export function describeCount({ documents, annotations }: Pick<TagInfo, 'documents' | 'annotations'>): string {
  return [documents > 0 && plural(documents, 'document'), annotations > 0 && plural(annotations, 'annotation')].filter(Boolean).join(', ') || 'nothing';
}
