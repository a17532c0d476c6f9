import { describe, expect, it } from 'vitest';
import { NoticeText } from '../../src/core/denials/notice-text';

const twoColumns = [
  'Title across the page',
  'Claim: 12345          You may appeal',
  'Service: TMS          within 180 days',
  'Provider: Dr. Lee     of receiving',
  '                      this notice.',
  'Footer across the page',
].join('\n');

describe('NoticeText', () => {
  it('puts a block of two-column lines in reading order, left column first', () => {
    const notice = new NoticeText(twoColumns);
    expect(notice.text).toBe(
      [
        'Title across the page',
        'Claim: 12345',
        'Service: TMS',
        'Provider: Dr. Lee',
        '',
        '',
        'You may appeal',
        'within 180 days',
        'of receiving',
        'this notice.',
        'Footer across the page',
      ].join('\n'),
    );
  });

  it('points a span of the reading text back at the same words in the notice as given', () => {
    const notice = new NoticeText(twoColumns);
    const start = notice.text.indexOf('within 180 days');
    const source = notice.sourceOf(start, start + 'within 180 days'.length);
    expect(source.text).toBe('within 180 days');
    expect(twoColumns.slice(source.start, source.end)).toBe('within 180 days');
    expect(notice.readingSpanOf(source)).toEqual({ start, end: start + 'within 180 days'.length });
  });

  it('leaves one line with a wide gap alone: a form line, not a layout', () => {
    const line = 'Name: Eleanor Voss          Member number: H48812931';
    expect(new NoticeText(line).text).toBe(line);
  });

  it('joins a word broken by a hyphen at a line end, and keeps a hyphen inside a line', () => {
    const notice = new NoticeText('the treat-\n   ment is co-pay free');
    expect(notice.text).toBe('the treatment is co-pay free');
    const start = notice.text.indexOf('treatment');
    expect(notice.sourceOf(start, start + 'treatment'.length).text).toBe('treat-\n   ment');
  });
});
