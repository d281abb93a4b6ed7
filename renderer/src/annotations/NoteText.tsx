import Markdown, { type Components } from 'react-markdown';

/** Light Markdown only: what a note needs, nothing that can embed or run anything. */
const ALLOWED = ['p', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'code', 'br', 'del'];

const components: Components = {
  // Links open outside the app; the reader's window never navigates away.
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
};

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'listItem']);

/**
 * A remark plugin: HTML typed in a note is the note's text, shown as typed,
 * never parsed as markup; a block of it reads as paragraphs of its text.
 * The exported Markdown (main/core/io/export/note-markdown.ts) writes it so.
 */
const htmlAsText = () => (tree: MdNode) => {
  const walk = (node: MdNode) => {
    node.children = node.children?.flatMap((child) => {
      if (child.type !== 'html') return [child];
      if (!BLOCK_CONTAINERS.has(node.type)) return [{ type: 'text', value: child.value }];
      return (child.value ?? '')
        .split(/\n[ \t]*\n/)
        .filter((part) => part.trim() !== '')
        .map((part) => ({ type: 'paragraph', children: [{ type: 'text', value: part.trim() }] }));
    });
    node.children?.forEach(walk);
  };
  walk(tree);
};

/** A remark plugin: a line break typed in a note shows as one, as Obsidian shows it in the exported notes. */
const lineBreaks = () => (tree: MdNode) => {
  const walk = (node: MdNode) => {
    node.children = node.children?.flatMap((child) =>
      child.type === 'text' && child.value?.includes('\n')
        ? child.value.split('\n').flatMap((line, i) => [...(i > 0 ? [{ type: 'break' }] : []), { type: 'text', value: line }])
        : [child],
    );
    node.children?.forEach(walk);
  };
  walk(tree);
};

/**
 * A note rendered as light Markdown (bold, italics, links, lists, line
 * breaks). HTML shows as the text it is, other Markdown elements (images,
 * headings, tables) are unwrapped to their text, and link targets go through
 * react-markdown's URL filter (no javascript: or data:).
 */
export function NoteText({ note, className }: { note: string; className?: string }) {
  return (
    <div className={`note-text${className ? ` ${className}` : ''}`}>
      <Markdown allowedElements={ALLOWED} unwrapDisallowed remarkPlugins={[htmlAsText, lineBreaks]} components={components}>
        {note}
      </Markdown>
    </div>
  );
}
