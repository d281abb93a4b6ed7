/** A range of a block's clean text drawn specially: a search match, a highlight, an entity mention. */
export interface Decoration {
  from: number;
  to: number;
  className: string;
  /** Shown on hover and read by screen readers. */
  label?: string;
  /** data-* attributes, e.g. { annotation: "a1" }. */
  data?: Record<string, string>;
}

/** A run of text under one unchanging set of decorations. */
export interface Segment {
  from: number;
  text: string;
  decorations: Decoration[];
}

/**
 * Cuts a text at every decoration boundary so that overlapping decorations
 * each stay visible: a run under two highlights carries both.
 */
export function segment(text: string, decorations: Decoration[]): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const d of decorations) {
    cuts.add(Math.max(0, Math.min(text.length, d.from)));
    cuts.add(Math.max(0, Math.min(text.length, d.to)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    if (to <= from) continue;
    segments.push({ from, text: text.slice(from, to), decorations: decorations.filter((d) => d.from <= from && d.to >= to) });
  }
  return segments;
}
