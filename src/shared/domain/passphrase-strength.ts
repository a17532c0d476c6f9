import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';

/**
 * Passphrase strength as zxcvbn rates it (docs/security.md §4): a maintained estimator with real
 * dictionaries of common passwords, words and names, rather than rules of our own. Its score
 * runs 0–4; 3 ("safely unguessable: moderate protection from offline slow-hash scenario") is the
 * least Advocase accepts, since a stolen keyring.json can be attacked offline.
 */
export const minimumPassphraseScore = 3;

export type PassphraseRating = {
  readonly score: 0 | 1 | 2 | 3 | 4;
  readonly isAcceptable: boolean;
  /** What to do about it, in a sentence or two; empty when acceptable. */
  readonly hint: string;
};

let factory: Promise<ZxcvbnFactory> | null = null;

/**
 * The estimator with the English and common dictionaries, loaded on first use only: they are
 * about 1.5 MB, and the app needs them on the setup and passphrase screens alone.
 */
function loadEstimator(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, english]) =>
      new core.ZxcvbnFactory({
        translations: english.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...english.dictionary },
      }),
  );
  return factory;
}

/** Starts loading the dictionaries before they are needed (a first-run screen is showing). */
export function preloadPassphraseEstimator(): void {
  void loadEstimator();
}

const generalAdvice = 'Add another word or two that do not belong together, or a number only you would pick.';

function hintFor(result: ZxcvbnResult): string {
  const warning = result.feedback.warning;
  const suggestion = result.feedback.suggestions.find((text) => !/capital|uppercase|symbol/i.test(text));
  return [
    'Too easy to guess.',
    warning ? (warning.endsWith('.') ? warning : `${warning}.`) : null,
    suggestion && suggestion !== warning ? suggestion : generalAdvice,
  ]
    .filter(Boolean)
    .join(' ');
}

/** Rates a passphrase; `userInputs` (the user's own name, the app's name) count as easy to guess. */
export async function ratePassphrase(
  passphrase: string,
  userInputs: readonly string[] = [],
): Promise<PassphraseRating> {
  const estimator = await loadEstimator();
  const result = await estimator.checkAsync(passphrase, ['advocase', 'advocate', 'patient', ...userInputs]);
  const isAcceptable = result.score >= minimumPassphraseScore;
  return { score: result.score, isAcceptable, hint: isAcceptable ? '' : hintFor(result) };
}
