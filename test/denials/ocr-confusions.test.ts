import { describe, expect, it } from 'vitest';
import { repairOcrConfusions } from '../../src/core/denials/ocr-confusions';

describe('repairOcrConfusions', () => {
  it.each([
    // letters in a number
    ['2O26', '2026'],
    ['865O', '8650'],
    ['l80 days', '180 days'],
    ['H4881293l', 'H48812931'],
    ['4O5S1', '40551'],
    // digits in a word, in the word's case
    ['Appea1s', 'Appeals'],
    ['ER1SA', 'ERISA'],
    ['5ERVICE', 'SERVICE'],
    ['B0x', 'Box'],
    ['N0TICE', 'NOTICE'],
    ['Bu11etin', 'Bulletin'],
    // left alone: real codes, prefixes, and words as much letter as digit
    ['J3490', 'J3490'],
    ['CG-MED-83', 'CG-MED-83'],
    ['AUTH 8842', 'AUTH 8842'],
    ['PA-2026-O311', 'PA-2026-0311'],
    ['XS4021', 'XS4021'],
    ['1O', '1O'],
  ])('reads %j as %j', (text, expected) => {
    const repaired = repairOcrConfusions(text);
    expect(repaired).toBe(expected);
    expect(repaired).toHaveLength(text.length);
  });
});
