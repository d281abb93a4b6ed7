import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../../../main/core/io/import/read';
import { Rejection } from '../../../../../main/core/io/import/rejection';
import { toBlocks } from '../../../../../main/core/library/paragraphs';

/** One printed line: its text, font size, and how far below the previous line it sits. */
interface Printed {
  text: string;
  size?: number;
  gap?: number;
  indent?: number;
}

/** A real PDF made with pdf-lib: each page a list of lines set from the top, with a running header and a page number. */
async function makePdf(pages: Printed[][], options: { title?: string; header?: string } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (options.title) pdf.setTitle(options.title);
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  pages.forEach((lines, p) => {
    const page = pdf.addPage([420, 600]);
    if (options.header) page.drawText(options.header, { x: 40, y: 570, size: 9, font });
    let y = 540;
    for (const line of lines) {
      const size = line.size ?? 11;
      y -= line.gap ?? size * 1.35;
      page.drawText(line.text, { x: 40 + (line.indent ?? 0), y, size, font });
    }
    page.drawText(String(p + 1), { x: 205, y: 30, size: 9, font });
  });
  return pdf.save();
}

async function rejection(name: string, bytes: Uint8Array): Promise<string> {
  try {
    await readImportFile(name, bytes);
    throw new Error('expected a rejection');
  } catch (error) {
    if (error instanceof Rejection) return error.reason;
    throw error;
  }
}

describe('PDF import', () => {
  const pages: Printed[][] = [
    [
      { text: 'Building Smart Networks', size: 16 },
      { text: 'High-speed smart networks are the basis of the strategy. The Company is', gap: 30 },
      { text: 'committed to quality network service through continuous optimisa-' },
      { text: 'tion and evolution, and to improving the word-' },
      { text: 'of-mouth of its services.' },
      { text: 'Intelligent evolution of network', size: 13, gap: 30 },
      { text: 'The Company carried out research on futuristic networks and its', gap: 24 },
      { text: 'SDN/NFV trials continued in many provinces, and the results of the' },
    ],
    [
      { text: 'pre-commercial tests were published for the partners to review.' },
      { text: 'A new paragraph starts here after a blank line of space, and', gap: 30 },
      { text: 'it ends on this line.' },
    ],
    [{ text: 'The last page holds a single closing sentence.' }],
  ];

  it('rebuilds paragraphs across lines and pages, mends hyphenated words and drops page furniture', async () => {
    const bytes = await makePdf(pages, { title: 'CSR Report 2017: Innovation', header: 'CHINA UNICOM SUSTAINABILITY REPORT 2017' });
    const { text, title, format } = await readImportFile('report.pdf', bytes);
    expect(format).toBe('pdf');
    expect(title).toBe('CSR Report 2017: Innovation');
    expect(text.split('\n\n')).toEqual([
      'Building Smart Networks',
      'High-speed smart networks are the basis of the strategy. The Company is committed to quality network service through continuous optimisation and evolution, and to improving the word-of-mouth of its services.',
      'Intelligent evolution of network',
      'The Company carried out research on futuristic networks and its SDN/NFV trials continued in many provinces, and the results of the pre-commercial tests were published for the partners to review.',
      'A new paragraph starts here after a blank line of space, and it ends on this line.',
      'The last page holds a single closing sentence.',
    ]);
    expect(toBlocks(text).map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('keeps a hyphen the document itself writes', async () => {
    const bytes = await makePdf([[{ text: 'Our pre-commercial network and other pre-' }, { text: 'commercial trials ran all year long in the region.' }]]);
    const { text } = await readImportFile('hyphens.pdf', bytes);
    expect(text).toBe('Our pre-commercial network and other pre-commercial trials ran all year long in the region.');
  });

  it('ignores a file-name title that the PDF producer wrote', async () => {
    const bytes = await makePdf([[{ text: 'Some text on the page.' }]], { title: 'Microsoft Word - draft3.docx' });
    expect((await readImportFile('draft.pdf', bytes)).title).toBeUndefined();
  });

  it('rejects a PDF without a text layer, as scanned pages are', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([420, 600]).drawRectangle({ x: 40, y: 40, width: 300, height: 400, color: rgb(0.6, 0.6, 0.6) });
    pdf.addPage([420, 600]);
    expect(await rejection('scan.pdf', await pdf.save())).toMatch(/no text layer \(its 2 pages are images, probably scanned\).*OCR/);
  });

  it('rejects a damaged PDF, whatever its name says', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not really a PDF at all\n%%EOF');
    expect(await rejection('broken.pdf', bytes)).toMatch(/This PDF is damaged and cannot be read/);
    expect(await rejection('notes.txt', bytes)).toMatch(/This PDF is damaged/);
    expect(await rejection('fake.pdf', new TextEncoder().encode('just text'))).toMatch(/This PDF is damaged/);
  });
});
