import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../../../main/core/io/import/read';
import { Rejection } from '../../../../../main/core/io/import/rejection';
import { toBlocks } from '../../../../../main/core/library/paragraphs';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The reason a file is rejected, or a failure when it is imported. */
async function rejection(name: string, bytes: Uint8Array): Promise<string> {
  try {
    const imported = await readImportFile(name, bytes);
    throw new Error(`expected a rejection, got ${JSON.stringify(imported.text.slice(0, 80))}`);
  } catch (error) {
    if (error instanceof Rejection) return error.reason;
    throw error;
  }
}

describe('plain text import', () => {
  it('reads UTF-8, drops the byte-order mark and unifies line breaks', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Café “Zürich”\r\nLine two\rLine three')]);
    const { text, format } = await readImportFile('notes.txt', bytes);
    expect(format).toBe('text');
    expect(text).toBe('Café “Zürich”\nLine two\nLine three');
  });

  it('reads a Windows-1252 file written by an old Windows editor', async () => {
    // “Smart quotes” – an en dash, é and € as Windows-1252 bytes.
    const bytes = new Uint8Array([0x93, ...utf8('Smart quotes'), 0x94, 0x20, 0x96, 0x20, ...utf8('caf'), 0xe9, 0x20, 0x80, ...utf8('5')]);
    const { text } = await readImportFile('legacy.txt', bytes);
    expect(text).toBe('“Smart quotes” – café €5');
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const body = Buffer.from('Grüße aus Köln', 'utf16le');
    const { text } = await readImportFile('utf16.txt', new Uint8Array([0xff, 0xfe, ...body]));
    expect(text).toBe('Grüße aus Köln');
  });

  it('rejects an empty file, a blank one, a binary one and one in no known encoding, each with its reason', async () => {
    expect(await rejection('empty.txt', new Uint8Array())).toMatch(/empty/);
    expect(await rejection('blank.txt', utf8(' \n\t\n'))).toMatch(/no text/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await rejection('picture.png', png)).toMatch(/binary file/);
    // 0x81 and 0x8D are undefined in Windows-1252 and invalid as UTF-8.
    expect(await rejection('odd.txt', new Uint8Array([...utf8('abc '), 0x81, 0x8d, ...utf8(' def')]))).toMatch(/not UTF-8/);
  });

  it('rejects a file over 50 MB before reading it', async () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1).fill(0x61);
    expect(await rejection('huge.txt', big)).toMatch(/50.1 MB; Dossier takes files up to 50 MB/);
  });
});

describe('Markdown import', () => {
  const markdown = [
    '---',
    'title: "Notes: 5G & the \\"IoT\\" #1"',
    'tags: [telecom]',
    '---',
    '# Heading in the text',
    '',
    'A paragraph with **bold**, `code` and a [link](https://example.com).',
    '',
    '- first item',
    '- second item',
    '',
    '<!-- a comment -->',
    '> A quoted line ends here.',
  ].join('\n');

  it('honours the front matter title and keeps the text as written, its blocks without the markup', async () => {
    const { text, title, format } = await readImportFile('notes.md', utf8(markdown));
    expect(format).toBe('markdown');
    expect(title).toBe('Notes: 5G & the "IoT" #1');
    expect(text).toBe(markdown);
    const blocks = toBlocks(text, 'markdown');
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Heading in the text'],
      ['paragraph', 'A paragraph with bold, code and a link.'],
      ['bullet', 'first item'],
      ['bullet', 'second item'],
      ['paragraph', 'A quoted line ends here.'],
    ]);
    expect(blocks.every((b) => !b.text.includes('comment'))).toBe(true);
  });

  it('falls back to the first top-level heading when there is no front matter', async () => {
    const { title } = await readImportFile('plain.markdown', utf8('Intro line\n\n# The Real Title\n\nBody.'));
    expect(title).toBe('The Real Title');
  });
});

describe('HTML import', () => {
  const page = `<!doctype html><html><head><title>Operators sign IoT pact | Telecom Daily</title>
    <style>body { color: red }</style><script>window.tracking = "SECRET-SCRIPT";</script></head>
    <body>
      <nav><a href="/">Home</a> <a href="/news">NAVIGATION-LINK</a></nav>
      <header><p>SITE-BANNER</p></header>
      <article>
        <h1>Operators sign IoT pact</h1>
        <p>China Telecom and State Grid signed a strategic agreement on Tuesday to build a power
        Internet of Things, the companies said in a joint statement released in Beijing.</p>
        <p>The deal covers 5G network slicing for the grid, shared towers and joint research, and it
        follows a year of pilots in three provinces that the partners described as a success.</p>
        <ul><li>Shared infrastructure</li><li>Joint research</li></ul>
        <script>document.write("INLINE-SCRIPT")</script>
      </article>
      <aside>RELATED-STORIES</aside>
      <footer>COPYRIGHT-FOOTER</footer>
    </body></html>`;

  it('keeps the article and drops scripts, styles, navigation and page furniture', async () => {
    const { text, title, format } = await readImportFile('pact.html', utf8(page));
    expect(format).toBe('html');
    // The site's name after the headline is not part of the title.
    expect(title).toBe('Operators sign IoT pact');
    expect(text).toContain('China Telecom and State Grid signed a strategic agreement on Tuesday to build a power Internet of Things');
    expect(text).toContain('- Shared infrastructure\n\n- Joint research');
    for (const noise of ['SECRET-SCRIPT', 'INLINE-SCRIPT', 'color: red', 'NAVIGATION-LINK', 'SITE-BANNER', 'RELATED-STORIES', 'COPYRIGHT-FOOTER']) {
      expect(text).not.toContain(noise);
    }
  });

  it('recognises a page by its content when the name has no extension, and honours a declared legacy charset', async () => {
    const latin1 = Buffer.from('<!DOCTYPE html><html><head><meta charset="iso-8859-1"></head><body><p>Caf\u00e9 na\u00efve</p></body></html>', 'latin1');
    const { text, format } = await readImportFile('saved-page', new Uint8Array(latin1));
    expect(format).toBe('html');
    expect(text).toBe('Café naïve');
  });

  it('rejects a page with nothing to read', async () => {
    expect(await rejection('empty.html', utf8('<html><body><script>1</script><nav>Menu</nav></body></html>'))).toMatch(/no readable text/);
  });
});
