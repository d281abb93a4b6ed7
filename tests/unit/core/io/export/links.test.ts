import { describe, expect, it } from 'vitest';
import { passageLink, passageRoute } from '../../../../../main/core/io/export/links';

describe('dossier:// passage links', () => {
  it('writes a link to a passage and reads it back as the window route that opens it', () => {
    const link = passageLink({ docId: 'a2181c7e9b182f73', start: 120, end: 168, annotation: '3f1c9a5e-2b7d-4c1e-9f00-6a2b8c4d1e22' });
    expect(link).toBe('dossier://open/a2181c7e9b182f73?start=120&end=168&annotation=3f1c9a5e-2b7d-4c1e-9f00-6a2b8c4d1e22');
    expect(passageRoute(link)).toBe('/open/a2181c7e9b182f73?start=120&end=168&annotation=3f1c9a5e-2b7d-4c1e-9f00-6a2b8c4d1e22');
    expect(passageRoute('dossier://open/a2181c7e9b182f73')).toBe('/open/a2181c7e9b182f73');
  });

  it('refuses hostile or malformed links instead of repairing them', () => {
    for (const bad of [
      'https://open/abc',
      'dossier://evil/abc',
      'dossier://open/../../etc/passwd',
      'dossier://open/abc%2F..%2Fx',
      'dossier://open/<script>',
      'dossier://open/abc?start=1',
      'dossier://open/abc?start=-1&end=4',
      'dossier://open/abc?start=9&end=4',
      'dossier://open/abc?start=1e3&end=2e3',
      'dossier://open/abc?start=1&end=2&start=3',
      'dossier://open/abc?annotation=a%20b',
      'dossier://open/abc?javascript=alert(1)',
      'dossier://user:pass@open/abc',
      'dossier://open/abc#/elsewhere',
      `dossier://open/${'a'.repeat(3000)}`,
      'not a url',
    ]) {
      expect(passageRoute(bad), bad).toBeNull();
    }
  });
});
