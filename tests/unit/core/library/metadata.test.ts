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

describe('dating a document by what it says about itself', () => {
  // A fixed "now", so that dates ahead of it are ahead whatever the day the tests run.
  const now = new Date('2025-06-01T12:00:00Z');
  const dated = (text: string, stated: Parameters<typeof describeText>[2] = {}) => describeText(text, 'x', stated, now).date;

  it.each([
    ['front matter, over a year in the text', 'We visited the 2019 site again and found it unchanged.', { date: '2023-09-12' }, '2023-09-12'],
    ['front matter written in words', 'Notes on the visit.', { date: 'September 12, 2023' }, '2023-09-12'],
    ['article:published_time with a time and zone', 'Port opens to shipping.', { date: '2024-04-03T09:30:00+02:00' }, '2024-04-03'],
    ['a month the metadata gives alone', 'Monthly bulletin.', { date: '2024-06' }, '2024-06'],
    ['a byline with the date', 'The new port opened to shipping this morning.', { byline: 'By Jane Doe, 3 April 2024' }, '2024-04-03'],
    ['a byline line under the headline', 'Port opens\n\nBy Jane Doe | 3 April 2024\n\nThe new port opened to shipping this morning.', {}, '2024-04-03'],
    ['a dateline whose year is in the same sentence', 'On June 26, during the MWC Shanghai 2024, China Unicom held a meeting.', {}, '2024-06-26'],
    ['a month and day completed by the year in the title', 'The 2021 Partners Conference inaugurated\n\nThe conference opened on Nov. 1st in Guangzhou.', {}, '2021-11-01'],
    ['a dateline in US order', 'WASHINGTON, April 3rd, 2024 — Regulators approved the merger on Wednesday.', {}, '2024-04-03'],
    ['a month and year under the title', 'Network Upgrade Plan\n\nMarch 2024\n\nThe plan sets out the work for the next three years.', {}, '2024-03'],
    ['the year in the title, over years in the text', 'Rural Broadband Programme Review 2022\n\nSince 2019, the programme has connected 40,000 homes; by 2025 it aims for 60,000.', {}, '2022'],
    ['a year the opening reports on', 'Annual Review\n\nInnovation drives the company. In 2017, the Company actively advanced its networks.', {}, '2017'],
    ['the year of an event the opening names', 'A day before the opening of Mobile World Congress Shanghai 2017, the operator launched its platform.', {}, '2017'],
  ])('takes %s', (_case, text, stated, date) => {
    expect(dated(text, stated)).toBe(date);
  });

  it.each([
    ['a memo whose only year is a target', 'MEMO\n\nTo: All regional managers\nFrom: Network Planning\n\nWe aim to reach 95% coverage by 2030, and every region must plan for it.'],
    ['references to past years', 'The programme, launched in 2015, has connected 40,000 homes. Compared with 2019, twice as many villages are online.'],
    ['a vision named after a year', 'Vision 2030 sets the direction. Every team contributes to it.'],
    ['a year deep in the text', `Quarterly Notes\n\n${'The team met every week to review progress and plan the next steps. '.repeat(30)}In 2016, the office moved.`],
    ['a date ahead of today', 'The launch is set for 4 March 2031, the board said.'],
    ['a date that does not exist', 'Minutes of the meeting held on 31 February 2024.'],
    ['numbers that only look like a date', 'Order 12.03.2024 was shipped with 2,019 items.'],
    ['no date at all', 'Nothing dated here, only a note about the harbour.'],
  ])('gives no date for %s', (_case, text) => {
    expect(dated(text)).toBeNull();
  });

  it('refuses a stated date that does not exist, and reads the text instead', () => {
    expect(dated('On 3 April 2024 the port opened.', { date: '2024-02-31' })).toBe('2024-04-03');
  });

  it('keeps a stated title, and takes its year when nothing else dates the text', () => {
    expect(describeText('Since 2019, the programme has connected 40,000 homes.', 'x', { title: 'Rural Broadband Programme Review 2022' }, now)).toEqual({
      title: 'Rural Broadband Programme Review 2022',
      date: '2022',
    });
  });
});
