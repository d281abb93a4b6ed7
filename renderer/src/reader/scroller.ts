/*
 * Where a long document's blocks go in its scrolling column.
 *
 * Only a slice of the blocks, [from, to), is in the page: it sits at `top`
 * inside a box as tall as the whole document is guessed to be, so that the
 * column scrolls natively (wheel, keys, scrollbar, a drag that selects). The
 * place being read is an anchor: a block and how far its top is from the top
 * of the view. Whenever blocks are measured, loaded or resized, the slice is
 * put back so that the anchor stays exactly where it was on the screen; the
 * scroll position is moved only where the box has no room for the slice (the
 * guesses were off), and then the slice with it, so nothing moves on screen.
 *
 * Heights are guesses until a block has been drawn, and a box taller than
 * Chromium can lay out (about 33 million pixels) would clip the end of the
 * document, so the box is at most MAX_EXTENT tall: far from the slice, a
 * scroll position stands for a proportion of the document (the scrollbar
 * dragged to 91% opens at 91% of the blocks), near it for exact pixels.
 */

/** The tallest the document's box is made: well inside what Chromium lays out exactly. */
export const MAX_EXTENT = 8_000_000;

export interface Anchor {
  index: number;
  /** Where the block's place starts in the box, in pixels: the box does not move as the column scrolls. */
  y: number;
}

/** Where the view is asked to go: a block at the top of the view, centred in it, or the end of the document. */
export type Goal = { index: number; align: 'start' | 'center' } | { end: true };

export interface Slice {
  from: number;
  to: number;
}

/** What the scroller reads of the page and asks of it. */
export interface ScrollerHost {
  scroller: HTMLElement;
  /** The box as tall as the document. */
  box: HTMLElement;
  /** Holds the elements of blocks [from, to), one child each, in order. */
  slice: HTMLElement;
  /** Renders another slice; the scroller lays it out once it is in the page (layout()). */
  setSlice: (slice: Slice) => void;
  /** The blocks in view changed: the first and last of them, and whether the person moved the view. */
  onView: (first: number, last: number, moved: boolean) => void;
}

/** Screens of blocks kept in the page beyond the view, above and below. */
const MARGIN_SCREENS = 1;
/** A slice reaching further than this many screens beyond the view is trimmed. */
const TRIM_SCREENS = 3;
/** Between the top of the view and a block brought to it. */
const START_GAP = 8;

export class BlockScroller {
  /** The slice in the page, and the one asked for (rendered next). */
  private slice: Slice = { from: 0, to: 0 };
  private wanted: Slice | null = null;
  /** Null until the view is first placed: then the start of the document stays where it is. */
  private anchor: Anchor | null = null;
  /** A goal holds the anchor on its block (centred) while blocks around it load, until the person scrolls. */
  private goal: Goal | null = null;
  private top = 0;
  private extent = 0;
  /** Block tops within the slice, from the last layout, and the slice's height. */
  private tops: number[] = [];
  /** Where each block's own box ends (its margin below left out), in the slice. */
  private bottoms: number[] = [];
  private sliceHeight = 0;
  private readonly measured = new Map<number, number>();
  private measuredSum = 0;
  /** The scroll position this code set last: the scroll event it causes is not the person's. */
  private ownScroll = -1;
  private lastView = '';
  /** The person asked for the move this code is making (Home, End): the view it lands on is reported as theirs. */
  private asked = false;

  constructor(
    private readonly host: ScrollerHost,
    private count: number,
    /** A block's height until it is drawn. */
    private guess: number,
  ) {}

  /** The slice to render first: around the goal, or from the start. */
  start(goal: Goal | null): Slice {
    this.goal = goal;
    this.wanted = this.around(goal ? this.goalIndex(goal) : 0);
    return this.wanted;
  }

  /** Goes to a block or to the end, once its blocks are in the page. */
  go(goal: Goal): void {
    this.goal = goal;
    if (!this.request(this.around(this.goalIndex(goal)))) this.layout(this.slice);
  }

  /** A pending block's height: the average of those drawn so far. */
  averageHeight(): number {
    return this.measured.size > 0 ? this.measuredSum / this.measured.size : this.guess;
  }

  /** The slice `rendered` is in the page: measure it and put it where the anchor says. */
  layout(rendered: Slice): void {
    this.slice = rendered;
    if (this.wanted && this.wanted.from === rendered.from && this.wanted.to === rendered.to) this.wanted = null;
    const { scroller, box, slice } = this.host;
    // Another slice is on its way: this one is laid out when it has come.
    if (this.wanted || this.count === 0 || slice.children.length !== rendered.to - rendered.from) return;
    this.measure(slice);
    const view = this.view();
    const goal = this.goal;
    const toEnd = goal !== null && 'end' in goal;
    let extent = this.estimatedExtent();
    if (goal && 'index' in goal && this.includes(this.goalIndex(goal))) this.anchor = { index: this.goalIndex(goal), y: view.top + this.goalOffset(goal, view.height) };
    if (toEnd) this.top = Math.max(0, extent - this.sliceHeight);
    else if (this.anchor && this.includes(this.anchor.index)) this.top = this.anchor.y - this.topOf(this.anchor.index);
    else this.top = this.slice.from === 0 ? 0 : this.proportional(extent);
    let scroll = scroller.scrollTop;
    // The first block belongs at the very top of the box, and no block above it: the view moves with the slice, so nothing moves on screen.
    const shift = rendered.from === 0 ? -this.top : this.top < 0 ? this.proportional(extent) - this.top : 0;
    if (shift !== 0) {
      scroll = Math.max(0, scroll + shift);
      this.top += shift;
      if (this.anchor) this.anchor.y += shift;
    }
    // The box ends where the last block does once it is in the page.
    extent = rendered.to === this.count ? this.top + this.sliceHeight : Math.max(extent, this.top + this.sliceHeight + 1);
    this.extent = extent;
    box.style.height = `${extent}px`;
    slice.style.transform = `translateY(${this.top}px)`;
    if (toEnd) scroll = scroller.scrollHeight;
    if (Math.abs(scroll - scroller.scrollTop) >= 1) this.scrollTo(scroll);
    if (!goal || toEnd) this.anchor = this.anchorInSlice(this.view().top);
    if (toEnd && rendered.to === this.count) this.goal = null;
    this.settle(this.asked && this.wanted === null);
    if (this.wanted === null) this.asked = false;
  }

  /** The page scrolled: by the person (wheel, keys, scrollbar, a selection) unless this code just did. */
  scrolled(): void {
    const { scroller } = this.host;
    const own = Math.abs(scroller.scrollTop - this.ownScroll) < 1;
    this.ownScroll = -1;
    if (own) return;
    this.goal = null;
    const view = this.view();
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 && this.slice.to < this.count) {
      this.end();
      return;
    }
    if (!this.jumped(view)) {
      this.anchor = this.anchorInSlice(view.top);
      this.settle(true);
    }
  }

  /** Home: the start of the document, its header in view. */
  home(): void {
    this.asked = true;
    this.goal = null;
    this.anchor = { index: 0, y: 0 };
    this.scrollTo(0);
    if (!this.request(this.around(0))) this.layout(this.slice);
  }

  /** End: the end of the document, asked for by the person. */
  end(): void {
    this.asked = true;
    this.go({ end: true });
  }

  /** The view has left the slice (the scrollbar dragged, a fling): a new slice where it is now. */
  private jumped(view: { top: number; height: number }): boolean {
    const above = view.top + view.height <= this.top;
    const below = view.top >= this.top + this.sliceHeight;
    // Above the first block (the document's header) or below the last is not a jump: there are no blocks there.
    if ((!above && !below) || (above && this.slice.from === 0) || (below && this.slice.to === this.count)) return false;
    this.anchor = this.jumpAnchor(view);
    this.asked = true;
    this.request(this.around(this.anchor.index));
    return true;
  }

  /** The block at the top of the view. */
  topBlock(): number {
    return this.anchor?.index ?? 0;
  }

  /** Asks for more blocks where the slice does not cover the view with a margin, and for fewer where it covers far too much. */
  private settle(moved: boolean): void {
    const view = this.view();
    // The person scrolled on while this slice was being drawn.
    if (this.jumped(view)) return;
    const above = view.top - this.top;
    const below = this.top + this.sliceHeight - (view.top + view.height);
    const want = MARGIN_SCREENS * view.height;
    const blocksFor = (pixels: number) => Math.ceil(pixels / this.averageHeight()) + 1;
    const anchor = this.anchor?.index ?? this.slice.from;
    let { from, to } = this.slice;
    if (above < want && from > 0) from = Math.max(0, from - blocksFor(2 * want - above));
    if (below < want && to < this.count) to = Math.min(this.count, to + blocksFor(2 * want - below));
    if (above > TRIM_SCREENS * view.height) from = Math.min(this.indexAt(view.top - this.top - want), anchor);
    if (below > TRIM_SCREENS * view.height) to = Math.max(this.indexAt(view.top - this.top + view.height + want) + 1, anchor + 1);
    this.report(view, moved);
    this.request({ from, to });
  }

  private report(view: { top: number; height: number }, moved: boolean): void {
    // The first block in view: the first whose text reaches below the top of the view (a margin is not in view).
    const below = this.bottoms.findIndex((bottom) => this.top + bottom > view.top + 1);
    const first = this.slice.from + Math.max(0, below);
    const last = Math.max(first, this.indexAt(view.top - this.top + view.height - 1));
    const key = `${first} ${last}`;
    if (key === this.lastView && !moved) return;
    this.lastView = key;
    this.host.onView(first, last, moved);
  }

  /** Asks for a slice; false when it is the one in the page already. */
  private request(slice: Slice): boolean {
    const current = this.wanted ?? this.slice;
    if (slice.from === current.from && slice.to === current.to) return false;
    this.wanted = slice;
    this.host.setSlice(slice);
    return true;
  }

  private scrollTo(scroll: number): void {
    const { scroller } = this.host;
    scroller.scrollTop = scroll;
    this.ownScroll = scroller.scrollTop;
  }

  /** The view in the box's coordinates: where its visible part starts (below the scroller's scroll padding) and how tall it is. */
  private view(): { top: number; height: number } {
    const { scroller, box } = this.host;
    const inset = parseFloat(getComputedStyle(scroller).scrollPaddingTop) || 0;
    const boxTop = box.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    return { top: inset - boxTop, height: Math.max(1, scroller.clientHeight - inset) };
  }

  private measure(slice: HTMLElement): void {
    const children = [...slice.children] as HTMLElement[];
    this.sliceHeight = slice.offsetHeight;
    // A block's place runs from where the one before it ends (its top margin included) to where the next begins.
    this.tops = children.map((child, i) => (i === 0 ? 0 : child.offsetTop));
    this.bottoms = children.map((child) => child.offsetTop + child.offsetHeight);
    children.forEach((child, i) => {
      if (child.dataset['pending'] !== undefined) return;
      const index = this.slice.from + i;
      const height = (this.tops[i + 1] ?? this.sliceHeight) - (this.tops[i] as number);
      this.measuredSum += height - (this.measured.get(index) ?? 0);
      this.measured.set(index, height);
    });
  }

  private estimatedExtent(): number {
    return Math.min(MAX_EXTENT, Math.max(1, this.count * this.averageHeight()));
  }

  /** Where the slice goes when only its place in the document is known: its proportion of the box. */
  private proportional(extent: number): number {
    return Math.min(Math.max(0, (this.slice.from / this.count) * extent), Math.max(0, extent - this.sliceHeight));
  }

  private includes(index: number): boolean {
    return index >= this.slice.from && index < this.slice.to;
  }

  private topOf(index: number): number {
    return this.tops[index - this.slice.from] ?? 0;
  }

  private goalIndex(goal: Goal): number {
    return 'end' in goal ? Math.max(0, this.count - 1) : Math.min(Math.max(0, goal.index), Math.max(0, this.count - 1));
  }

  /** How far below the top of the view a goal's block goes: a little, or enough to centre it (its top in view if it is taller). */
  private goalOffset(goal: Goal, viewHeight: number): number {
    if ('end' in goal || goal.align === 'start') return START_GAP;
    const index = this.goalIndex(goal);
    const height = (this.tops[index - this.slice.from + 1] ?? this.sliceHeight) - this.topOf(index);
    return Math.max(START_GAP, (viewHeight - height) / 2);
  }

  /** The block under `viewTop` (the first whose bottom is below it), and where it starts. */
  private anchorInSlice(viewTop: number): Anchor {
    const i = this.indexAt(viewTop - this.top) - this.slice.from;
    return { index: this.slice.from + i, y: this.top + (this.tops[i] ?? 0) };
  }

  /** The block of the slice under `y` (slice coordinates): the last one starting at or above it. */
  private indexAt(y: number): number {
    let i = 0;
    while (i < this.tops.length - 1 && (this.tops[i + 1] as number) <= y) i++;
    return this.slice.from + i;
  }

  /** Where a view that left the slice is: a few screens from it, by average heights; further, by its proportion of the box. */
  private jumpAnchor(view: { top: number; height: number }): Anchor {
    if (view.top <= 0) return { index: 0, y: 0 };
    const average = this.averageHeight();
    const after = view.top - (this.top + this.sliceHeight);
    const before = this.top - view.top;
    let index: number;
    if (after >= 0 && after < 3 * view.height) index = this.slice.to + Math.floor(after / average);
    else if (before > 0 && before < 3 * view.height) index = this.slice.from - Math.ceil(before / average);
    else index = Math.floor((view.top / Math.max(1, this.extent)) * this.count);
    return { index: Math.min(Math.max(0, index), this.count - 1), y: view.top };
  }

  /** A slice around `index`: a screen's worth of average blocks above it, two below. */
  private around(index: number): Slice {
    const screen = Math.ceil((this.host.scroller.clientHeight || 800) / this.averageHeight()) + 1;
    return { from: Math.max(0, index - screen), to: Math.min(this.count, index + 2 * screen) };
  }
}
