/**
 * OCR mistakes that swap look-alike characters: `0` and `O`, `1` with `l`, `I` and `|`, `5` and `S`.
 * Each word is repaired by its own majority: in a word of letters ("Appea1s", "ER1SA") a look-alike
 * digit beside a letter becomes the letter; in a number ("2O26", "865O", "l80") a look-alike letter
 * beside a digit becomes the digit. A word with as many of each ("C0", "1D") is left alone, and a
 * leading run of letters ("PA-", "AUTH") is a prefix, not a misread digit. The result has the same
 * length as the input, so offsets stay valid.
 */

const digitForLetter: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  l: '1',
  I: '1',
  i: '1',
  '|': '1',
  S: '5',
  s: '5',
};
const letterForDigit: Readonly<Record<string, { readonly lower: string; readonly upper: string }>> = {
  '0': { lower: 'o', upper: 'O' },
  '1': { lower: 'l', upper: 'I' },
  '5': { lower: 's', upper: 'S' },
};

const isDigit = (character: string | undefined) =>
  character !== undefined && character >= '0' && character <= '9';
const isLetter = (character: string | undefined) => character !== undefined && /[A-Za-z|]/.test(character);

function repairNumber(word: string[]): void {
  let prefixEnd = 0;
  while (prefixEnd < word.length && isLetter(word[prefixEnd])) prefixEnd += 1;
  const keepsPrefix = prefixEnd >= 2;
  for (let index = keepsPrefix ? prefixEnd : 0; index < word.length; index += 1) {
    const digit = digitForLetter[word[index]!];
    if (digit === undefined) continue;
    const before = word[index - 1];
    const after = word[index + 1];
    // An S is a real letter too often ("5S", "S5 tablets"): only between two digits is it a 5.
    const isMisread = digit === '5' ? isDigit(before) && isDigit(after) : isDigit(before) || isDigit(after);
    if (isMisread) word[index] = digit;
  }
}

function repairWord(word: string[]): void {
  const letters = word.filter((character) => isLetter(character) && digitForLetter[character] === undefined);
  const isUpperCase =
    letters.length > 0 && letters.every((character) => character === character.toUpperCase());
  for (let index = 0; index < word.length; index += 1) {
    const letter = letterForDigit[word[index]!];
    if (letter === undefined) continue;
    if (isLetter(word[index - 1]) || isLetter(word[index + 1])) {
      word[index] = isUpperCase ? letter.upper : letter.lower;
    }
  }
}

export function repairOcrConfusions(text: string): string {
  return text.replace(/[A-Za-z0-9|]+/g, (token) => {
    const word = token.split('');
    const plainLetters = word.filter(
      (character) => isLetter(character) && digitForLetter[character] === undefined,
    ).length;
    const plainDigits = word.filter(
      (character) => isDigit(character) && letterForDigit[character] === undefined,
    ).length;
    if (plainDigits > plainLetters) repairNumber(word);
    else if (plainLetters > plainDigits) repairWord(word);
    return word.join('');
  });
}
