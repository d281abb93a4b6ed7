import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/core/dispatch';
import { openTestDossier } from '../helpers';

describe('calling the API by name with untrusted arguments', () => {
  it('runs a valid call', async () => {
    const dispatch = createDispatcher((await openTestDossier()).api);
    const answer = await dispatch('listDocuments', []);
    expect(answer.ok && (answer.value as unknown[]).length).toBe(5);
  });

  it.each([
    ['an unknown method', 'dropDatabase', [], 'not_found', 'There is no method "dropDatabase"'],
    ['a prototype key as method', '__proto__', [], 'not_found', 'There is no method'],
    ['arguments that are not a list', 'openDocument', 'abc', 'invalid_argument', 'Invalid input: expected tuple'],
    ['a wrong type', 'openDocument', [42], 'invalid_argument', 'Invalid input: expected string'],
    ['an id with path characters', 'openDocument', ['../../etc/passwd'], 'invalid_argument', 'Must be letters, digits'],
    ['extra keys', 'search', [{ q: 'x', __proto__: { polluted: true }, extra: 1 }], 'invalid_argument', 'Unrecognized key'],
    ['an oversized query', 'search', [{ q: 'x'.repeat(5000) }], 'invalid_argument', 'characters'],
    ['a missing document', 'openDocument', ['abcdef'], 'not_found', 'There is no document with id "abcdef"'],
    ['arguments nested 100 000 deep', 'search', JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'invalid_argument', 'The arguments of search are nested more than 32 levels deep'],
  ])('answers %s with a clear error', async (_case, name, args, code, message) => {
    const dispatch = createDispatcher((await openTestDossier()).api, () => undefined);
    const answer = await dispatch(name, args);
    expect(answer).toMatchObject({ ok: false, error: { code } });
    expect(!answer.ok && answer.error.message).toContain(message);
  });
});
