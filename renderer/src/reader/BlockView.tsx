import { memo, type CSSProperties, type ReactNode } from 'react';
import type { Block, Mark } from '../../../main/common/contract';
import { segment, type Decoration, type Segment } from './segments';
import './blocks.css';

interface Props {
  block: Block;
  decorations: Decoration[];
  flash?: boolean;
  /** Scopes the element id when two documents share the page ("left-" gives left-block-3). */
  idPrefix?: string;
}

/** The tag a block reads as: real headings stay headings (a level below the document's title), bullet items stay list items. */
function tagOf(block: Block): 'p' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'pre' {
  if (block.code) return 'pre';
  if (block.kind !== 'heading') return 'p';
  return `h${Math.min(6, Math.max(2, (block.level ?? 1) + 1))}` as 'h2';
}

/**
 * One reading block with its decorations; each run records its clean-text
 * offset for selections. The structure the document gives the block (list
 * nesting and numbers, quotes, code, emphasis, links) is drawn with elements
 * and styles only: the text is always text, never markup.
 */
export const BlockView = memo(function BlockView({ block, decorations, flash, idPrefix = '' }: Props) {
  const Tag = tagOf(block);
  const classes = ['block', `block-${block.kind}`];
  if (block.code) classes.push('block-code');
  if (block.quote) classes.push('block-quoted');
  if (block.indent) classes.push('block-indented');
  if (block.separators?.some((s) => s.includes('\n'))) classes.push('block-breaks');
  if (flash) classes.push('flash');
  const style = { '--indent': block.indent ?? 0, '--quote': block.quote ?? 0 } as CSSProperties;
  const marker = block.list?.ordered ? `${block.list.number ?? 1}.` : undefined;
  const runs = split(segment(block.text, decorations), block.marks ?? []).map((run) => renderRun(run, block.marks ?? []));
  return (
    <Tag id={`${idPrefix}block-${block.index}`} data-block={block.index} data-marker={marker} className={classes.join(' ')} style={block.indent || block.quote ? style : undefined}>
      {block.code ? <code>{runs}</code> : runs}
    </Tag>
  );
});

/** Runs cut again where a mark starts or ends, so each one sits under one set of marks. */
function split(runs: Segment[], marks: readonly Mark[]): Segment[] {
  if (marks.length === 0) return runs;
  const cuts = [...new Set(marks.flatMap((m) => [m.from, m.to]))].sort((a, b) => a - b);
  return runs.flatMap((run) => {
    const end = run.from + run.text.length;
    const inside = cuts.filter((cut) => cut > run.from && cut < end);
    if (inside.length === 0) return [run];
    const points = [run.from, ...inside, end];
    return points.slice(0, -1).map((from, i) => ({ from, text: run.text.slice(from - run.from, (points[i + 1] as number) - run.from), decorations: run.decorations }));
  });
}

function renderRun(run: Segment, marks: readonly Mark[]): ReactNode {
  const content = withMarks(run.text, marks.filter((m) => m.from <= run.from && m.to >= run.from + run.text.length));
  if (run.decorations.length === 0) {
    return (
      <span key={run.from} data-offset={run.from}>
        {content}
      </span>
    );
  }
  const data = Object.assign({}, ...run.decorations.map((d) => d.data ?? {})) as Record<string, string>;
  const dataAttributes = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]));
  const label = run.decorations.map((d) => d.label).filter(Boolean).join('; ');
  const Highlight = run.decorations.some((d) => d.className === 'search-match') ? 'mark' : 'span';
  return (
    <Highlight key={run.from} data-offset={run.from} className={run.decorations.map((d) => d.className).join(' ')} title={label || undefined} {...dataAttributes}>
      {content}
    </Highlight>
  );
}

/** Text inside the elements of its marks, the outermost first. */
function withMarks(text: string, marks: readonly Mark[]): ReactNode {
  return marks.reduceRight<ReactNode>((inner, mark) => {
    switch (mark.kind) {
      case 'strong':
        return <strong>{inner}</strong>;
      case 'emphasis':
        return <em>{inner}</em>;
      case 'code':
        return <code>{inner}</code>;
      case 'link':
        // Only web addresses become links, and they open outside the app (the desktop app hands them to the browser).
        return mark.href && /^https?:\/\//i.test(mark.href) ? (
          <a href={mark.href} target="_blank" rel="noopener noreferrer">
            {inner}
          </a>
        ) : (
          inner
        );
    }
  }, text);
}
