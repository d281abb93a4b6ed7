import { memo } from 'react';
import type { Block } from '../../../main/common/contract';
import { segment, type Decoration } from './segments';

interface Props {
  block: Block;
  decorations: Decoration[];
  flash?: boolean;
  /** Scopes the element id when two documents share the page ("left-" gives left-block-3). */
  idPrefix?: string;
}

/** The tag a block reads as: real headings stay headings, bullet items stay list items. */
const TAG = { heading: 'h2', paragraph: 'p', bullet: 'p', figure: 'p' } as const;

/** One reading block with its decorations; each run records its clean-text offset for selections. */
export const BlockView = memo(function BlockView({ block, decorations, flash, idPrefix = '' }: Props) {
  const Tag = TAG[block.kind];
  return (
    <Tag id={`${idPrefix}block-${block.index}`} data-block={block.index} className={`block block-${block.kind}${flash ? ' flash' : ''}`}>
      {segment(block.text, decorations).map((run) => {
        if (run.decorations.length === 0) return <span key={run.from} data-offset={run.from}>{run.text}</span>;
        const data = Object.assign({}, ...run.decorations.map((d) => d.data ?? {})) as Record<string, string>;
        const dataAttributes = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]));
        const label = run.decorations.map((d) => d.label).filter(Boolean).join('; ');
        const Mark = run.decorations.some((d) => d.className === 'search-match') ? 'mark' : 'span';
        return (
          <Mark key={run.from} data-offset={run.from} className={run.decorations.map((d) => d.className).join(' ')} title={label || undefined} {...dataAttributes}>
            {run.text}
          </Mark>
        );
      })}
    </Tag>
  );
});
