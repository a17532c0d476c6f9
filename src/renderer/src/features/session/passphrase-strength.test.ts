import { describe, expect, it } from 'vitest';
import { estimatePassphraseStrength } from './passphrase-strength';

describe('estimatePassphraseStrength', () => {
  it.each([
    ['short', 'too-short'],
    ['aaaaaaaaaaaa', 'weak'],
    ['password1234', 'weak'],
    ['Summer2024!!', 'fair'],
    ['correct horse battery staple', 'strong'],
    ['Tq7#vLp2!xR9mZ', 'strong'],
  ])('rates %j as %s', async (passphrase, level) => {
    expect((await estimatePassphraseStrength(passphrase)).level).toBe(level);
  });

  it('says how to make a weak one stronger', async () => {
    expect((await estimatePassphraseStrength('aaaaaaaaaa')).label).toBe(
      'Weak. Repeated characters like "aaa" are easy to guess. Add more words that are less common.',
    );
  });
});
