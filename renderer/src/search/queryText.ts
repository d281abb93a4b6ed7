import type { FilterKey, QueryChip, ResultKind } from '../../../main/common/contract';
import { RESULT_KIND_WORDS } from '../../../main/common/contract/values';

/**
 * Editing the text of the search box as filters come and go: the text is
 * the one truth, chips are drawn from it (the core says where each filter
 * is), so a filter added from a menu can be edited or removed by typing.
 */

/** A filter as typed: a value with spaces is quoted. */
export function filterToken(key: FilterKey, value: string): string {
  return `${key}:${/\s/.test(value) ? `"${value.replace(/"/g, '')}"` : value}`;
}

/** The query with a filter put in front, so the word being typed stays the last one. */
export function withFilter(q: string, token: string): string {
  return `${token} ${q.trimStart()}`;
}

/** The query without the text of one chip. */
export function withoutChip(q: string, chip: Pick<QueryChip, 'from' | 'to'>): string {
  return `${q.slice(0, chip.from)}${q.slice(chip.to)}`.replace(/\s{2,}/g, ' ').replace(/^\s+/, '');
}

/** The words of a query without its filters: what the reader highlights. */
export function wordsOf(q: string, chips: readonly QueryChip[]): string {
  return [...chips].sort((a, b) => b.from - a.from).reduce((text, chip) => withoutChip(text, chip), q).trim();
}

const KEY_LABELS: Record<FilterKey, string> = { tag: 'Tag', entity: 'Entity', type: 'Type', is: 'Only', in: 'In', after: 'From', before: 'Before' };
const KIND_LABELS: Record<ResultKind, string> = { note: 'notes', entity: 'entities', passage: 'passages' };

/** How a chip reads: "Tag: operators", "Only: notes", "In: Why China Telecom…". */
export function chipLabel(chip: QueryChip): { key: string; value: string } {
  return { key: KEY_LABELS[chip.key], value: chipValue(chip) };
}

function chipValue(chip: QueryChip): string {
  if (chip.key !== 'is') return chip.label ?? chip.value;
  const kind = RESULT_KIND_WORDS.get(chip.value.toLowerCase());
  return kind ? KIND_LABELS[kind] : chip.value;
}
