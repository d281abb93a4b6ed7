import { describe, expect, it } from 'vitest';
import { readPassageLink } from '../../../main/common/passage-link';

const read = (docId: string, query: string) => readPassageLink(docId, new URLSearchParams(query));

describe('reading a link to a passage', () => {
  it('gives the document, the passage and the annotation a link names', () => {
    expect(read('doc-1', 'start=10&end=42&annotation=a_7')).toEqual({ docId: 'doc-1', start: 10, end: 42, annotation: 'a_7' });
    expect(read('doc-1', '')).toEqual({ docId: 'doc-1' });
  });

  it('refuses a link that is not what Dossier writes', () => {
    expect(read('../etc', '')).toBeNull();
    expect(read('doc', 'start=10')).toBeNull();
    expect(read('doc', 'start=10&end=5')).toBeNull();
    expect(read('doc', 'start=-1&end=5')).toBeNull();
    expect(read('doc', 'start=1&end=12345678901')).toBeNull();
    expect(read('doc', 'annotation=<script>')).toBeNull();
  });
});
