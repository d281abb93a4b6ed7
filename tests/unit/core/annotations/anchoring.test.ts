import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Anchorer, CONTEXT_CHARS, describeRange, trimRange, type TextSpan } from '../../../../main/core/annotations/anchoring';
import { SEED_DIR } from '../../helpers';

const SEEDS = readdirSync(SEED_DIR)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(join(SEED_DIR, name), 'utf8') }));
const REPORT = (SEEDS.find((s) => s.name.startsWith('004')) as { text: string }).text;

/** Re-anchors the selectors of `span` in `original` on `changed`. */
function reanchor(original: string, span: TextSpan, changed: string): TextSpan | null {
  const [quote, position] = describeRange(original, span);
  return new Anchorer(changed).locate(quote, position);
}

/** A non-blank range of a seed text, trimmed as the core trims selections. */
const rangeIn = (text: string) =>
  fc
    .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 400 }))
    .map(([start, length]) => trimRange(text, start, Math.min(text.length, start + length)))
    .filter((span): span is TextSpan => span !== null);

// Random edits are words and punctuation without the letters of the seed
// texts' alphabet, so an edit cannot by chance recreate the quote elsewhere.
const edit = fc.string({ unit: fc.constantFrom('0', '1', '2', '#', '@', ' ', '\n', ',', 'Ω', 'ж'), minLength: 1, maxLength: 60 });

describe('describing a passage', () => {
  it('keeps the quote with 32 characters of context and its position', () => {
    const text = 'Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau';
    const start = text.indexOf('iota');
    const [quote, position] = describeRange(text, { start, end: start + 4 });
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'iota', prefix: text.slice(start - CONTEXT_CHARS, start), suffix: text.slice(start + 4, start + 4 + CONTEXT_CHARS) });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 4 });
  });

  it('leaves whitespace out of a selection and finds nothing in a blank one', () => {
    expect(trimRange('  two words \n', 0, 13)).toEqual({ start: 2, end: 11 });
    expect(trimRange('a \n\t b', 1, 5)).toBeNull();
  });
});

describe('anchoring on an unchanged text', () => {
  it.each(SEEDS.map((s) => [s.name, s.text] as const))('finds every passage of %s where it was', (_name, text) => {
    fc.assert(
      fc.property(rangeIn(text), (span) => {
        expect(reanchor(text, span, text)).toEqual(span);
      }),
      { numRuns: 200 },
    );
  });

  it('finds a passage that spans several paragraphs', () => {
    const start = REPORT.indexOf('realise innovation-driven development.');
    const end = REPORT.indexOf('SDN/NFV') + 'SDN/NFV'.length;
    expect(reanchor(REPORT, { start, end }, REPORT)).toEqual({ start, end });
  });
});

describe('anchoring after the text changed', () => {
  it('finds the quote again after random edits elsewhere in the text', () => {
    fc.assert(
      fc.property(rangeIn(REPORT), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), edit), { minLength: 1, maxLength: 6 }), (span, edits) => {
        let changed = REPORT;
        let { start, end } = span;
        for (const [where, inserted] of edits) {
          // Insert either before the quote or after it, never inside it or its context.
          const before = where < 0.5 && start >= CONTEXT_CHARS;
          const at = before
            ? Math.floor(where * 2 * (start - CONTEXT_CHARS))
            : Math.min(changed.length, end + CONTEXT_CHARS + Math.floor(Math.abs(where - 0.5) * 2 * (changed.length - end)));
          changed = changed.slice(0, at) + inserted + changed.slice(at);
          if (before) {
            start += inserted.length;
            end += inserted.length;
          }
        }
        expect(reanchor(REPORT, span, changed)).toEqual({ start, end });
      }),
      { numRuns: 300 },
    );
  });

  it('finds the quote again when deletions elsewhere move it', () => {
    fc.assert(
      fc.property(rangeIn(REPORT), fc.nat(), fc.integer({ min: 1, max: 2000 }), (span, seed, length) => {
        // Cut a piece out of the text before the quote and its context.
        const room = Math.max(0, span.start - CONTEXT_CHARS);
        const cutStart = room === 0 ? 0 : seed % room;
        const cutEnd = Math.min(room, cutStart + length);
        const changed = REPORT.slice(0, cutStart) + REPORT.slice(cutEnd);
        const shift = cutEnd - cutStart;
        const found = reanchor(REPORT, span, changed);
        expect(found && changed.slice(found.start, found.end)).toBe(REPORT.slice(span.start, span.end));
        expect(found).toEqual({ start: span.start - shift, end: span.end - shift });
      }),
      { numRuns: 300 },
    );
  });

  it('finds the quote again when whitespace changed everywhere, inside the quote too', () => {
    const whitespace = fc.constantFrom(' ', '  ', '\n', ' \n', '\n\n', '\t', '\u00a0');
    fc.assert(
      fc.property(rangeIn(REPORT), fc.array(whitespace, { minLength: 1, maxLength: 20 }), (span, replacements) => {
        // Rewrite every whitespace run, keeping track of where the quote goes.
        let changed = '';
        let start = -1;
        let end = -1;
        let run = 0;
        for (const part of REPORT.split(/(\s+)/)) {
          const from = changed.length;
          const offset = run;
          const isSpace = /^\s+$/.test(part);
          changed += isSpace ? (replacements[(run + part.length) % replacements.length] as string) : part;
          if (!isSpace && start < 0 && offset + part.length > span.start) start = from + (span.start - offset);
          if (!isSpace && end < 0 && offset + part.length >= span.end) end = from + (span.end - offset);
          run += part.length;
        }
        const found = reanchor(REPORT, span, changed);
        expect(found).toEqual({ start, end });
      }),
      { numRuns: 200 },
    );
  });

  it('finds a quote whose line-wrap hyphen and curly quotes a better extraction removed', () => {
    const before = 'The network is “smart” and the infra-\nstructure is shared by both sides of the agreement.';
    const after = 'The network is "smart" and the infrastructure is shared by both sides of the agreement.';
    const start = before.indexOf('“smart”');
    const end = before.indexOf(' is shared');
    expect(reanchor(before, { start, end }, after)).toEqual({ start: after.indexOf('"smart"'), end: after.indexOf(' is shared') });
  });

  it('tells two copies of a quote apart by their context, then by closeness', () => {
    const text = 'First the board met. China Telecom signed. Later the board met again. China Mobile signed.';
    const second = text.lastIndexOf('the board met');
    const span = { start: second, end: second + 'the board met'.length };
    // The text before both copies grew, so the old position points elsewhere.
    const changed = `Preface added here. ${text}`;
    expect(reanchor(text, span, changed)).toEqual({ start: span.start + 20, end: span.end + 20 });
  });

  it('gives up on a quote that is gone, whatever else changed', () => {
    fc.assert(
      fc.property(rangeIn(REPORT), edit, (span, replacement) => {
        const quote = REPORT.slice(span.start, span.end);
        const changed = REPORT.slice(0, span.start) + replacement + REPORT.slice(span.end);
        // The quote may still occur elsewhere ("the", "China Unicom"): then it rightly anchors there.
        fc.pre(!looselyContains(changed, quote));
        expect(reanchor(REPORT, span, changed)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

/** Whether `text` contains `quote` once whitespace, hyphens, the shape of quote marks and case are ignored. */
function looselyContains(text: string, quote: string): boolean {
  const loose = (s: string) =>
    s
      .replace(/[\s\u00ad\u2010-\u2015-]/g, '')
      .replace(/[‘’‚]/g, "'")
      .replace(/[“”„«»]/g, '"')
      .toLowerCase();
  return loose(text).includes(loose(quote));
}
