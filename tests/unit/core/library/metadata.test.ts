import { describe, expect, it } from 'vitest';
import { describe as describeText } from '../../../../main/core/library/metadata';

describe('reading a title and date from a text', () => {
  it('takes a short first line as the headline and completes "Nov. 1st" with the year of the title', () => {
    const text = 'The 2021 Partners Conference inaugurated\n\nThe conference was inaugurated on Nov. 1st in Guangzhou.';
    expect(describeText(text, 'x.txt')).toEqual({ title: 'The 2021 Partners Conference inaugurated', date: '2021-11-01' });
  });

  it('takes the year from the sentence of the month and day', () => {
    expect(describeText('On June 26, during the MWC Shanghai 2024, China Unicom held a meeting.', 'x').date).toBe('2024-06-26');
  });

  it('reads day-month-year dates and title-cases a shouting headline', () => {
    const text = 'ANNUAL REPORT OF THE BOARD\n\nOn 30 August 2017, the centre was founded.';
    expect(describeText(text, 'x')).toEqual({ title: 'Annual Report of the Board', date: '2017-08-30' });
  });

  it('makes a title of the first sentence, without its lead-in, when there is no headline', () => {
    const text = 'Recently, the State Grid Corporation of China and China Telecom signed an agreement in Beijing. More text.';
    expect(describeText(text, 'x').title).toBe('The State Grid Corporation of China and China Telecom signed an agreement in Beijing');
  });

  it('cuts a long first sentence at a word, outside quotation marks', () => {
    const title = describeText('China Unicom held the Global Partners Meeting themed “Innovating Together, Connecting a Smarter Future” in Shanghai.', 'x').title;
    expect(title).toBe('China Unicom held the Global Partners Meeting themed…');
  });

  it('gives no date when the text states none, and the file name for an empty text', () => {
    expect(describeText('Nothing dated here.', 'x').date).toBeNull();
    expect(describeText('', 'empty.txt')).toEqual({ title: 'empty.txt', date: null });
  });
});
