import { describe, expect, it } from 'vitest';
import { estimatePassphraseStrength } from './passphrase-strength';

describe('estimatePassphraseStrength', () => {
  it.each([
    ['short', 'too-short'],
    ['aaaaaaaaaaaa', 'weak'],
    ['password1234', 'weak'],
    ['sunflower88', 'fair'],
    ['correct horse battery staple', 'strong'],
    ['Tq7#vLp2!xR9mZ', 'strong'],
  ])('rates %j as %s', (passphrase, level) => {
    expect(estimatePassphraseStrength(passphrase).level).toBe(level);
  });
});
