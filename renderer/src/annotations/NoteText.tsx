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

/** A remark plugin: HTML typed in a note is the note's text, shown as typed, never parsed as markup. */
const htmlAsText = () => (tree: MdNode) => {
  const walk = (node: MdNode) => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(walk);
  };
  walk(tree);
};

/**
 * A note rendered as light Markdown (bold, italics, links, lists). HTML shows
 * as the text it is, other Markdown elements (images, headings, tables) are
 * unwrapped to their text, and link targets go through react-markdown's URL
 * filter (no javascript: or data:).
 */
export function NoteText({ note, className }: { note: string; className?: string }) {
  return (
    <div className={`note-text${className ? ` ${className}` : ''}`}>
      <Markdown allowedElements={ALLOWED} unwrapDisallowed remarkPlugins={[htmlAsText]} components={components}>
        {note}
      </Markdown>
    </div>
  );
}
