import type { Letterhead } from '../../shared/domain/letter-document';
import type { LetterDeliveryMethod } from '../../shared/domain/letter-kinds';
import { fillRenderFields } from '../../shared/domain/letter-render-fields';
import type { Letter } from '../../shared/schemas/letters';
import type { AdvocateProfile } from '../../shared/schemas/profile';
import {
  defaultRecipient,
  patientLine,
  referenceLines,
  type LetterCaseContext,
  type LetterProvider,
} from './letter-case-context';
import { writesOwnFrame } from './letter-frame';
import { formatLongDate } from '../../shared/domain/long-date';
import type { LetterLayout, LetterSignature } from './letter-layout';
import { renderLetterPdf } from './letter-pdf';

export const deliveryWords: Readonly<Record<LetterDeliveryMethod, string>> = {
  fax: 'Via fax',
  portal: 'Via payer portal',
  mail: 'Via mail',
  email: 'Via email',
  in_person: 'By hand delivery',
};

/** Everything about the moment of printing a letter that is not the letter itself. */
export type LetterRenderContext = {
  readonly profile: AdvocateProfile;
  readonly caseContext: LetterCaseContext;
  /** The enclosures' titles, in the letter's order. */
  readonly enclosureTitles: readonly string[];
  /** YYYY-MM-DD: the day printed on the letter (today, or the day it was sent). */
  readonly date: string;
  readonly sentVia: LetterDeliveryMethod | null;
  /** The inside address, one line each; the payer's appeals address when null. */
  readonly recipient: readonly string[] | null;
  readonly format: 'pdf' | 'docx';
  /** False inside a submission packet, which numbers its own pages. */
  readonly showPageNumbers?: boolean;
};

export type RenderedLetter = {
  readonly bytes: Uint8Array;
  /** Null for a DOCX: Word lays out its own pages. */
  readonly pageCount: number | null;
  /** True when prompts were still unfilled, so DRAFT is printed at the top of every page. */
  readonly isDraft: boolean;
};

/** The treating provider's letterhead: name, specialty and NPI, practice address, phone and fax. */
function providerLetterhead(provider: LetterProvider): Letterhead {
  const identifiers = [provider.specialty, provider.npi ? `NPI ${provider.npi}` : null].filter(Boolean);
  return {
    name: provider.name,
    identifiers: identifiers.length > 0 ? identifiers.join(' · ') : null,
    organization: null,
    address: provider.address,
    phone: provider.phone,
    fax: provider.fax,
    email: null,
  };
}

/**
 * A letter of medical necessity is the physician's letter: it goes on the treating provider's
 * letterhead, or on none when the case names no provider, never on the advocate's. Every other
 * letter is the advocate's.
 */
function letterheadOf(letter: Letter, context: LetterRenderContext): Letterhead | null {
  if (letter.kind !== 'medical_necessity') return context.profile;
  return context.caseContext.provider ? providerLetterhead(context.caseContext.provider) : null;
}

function signatureOf(
  letter: Letter,
  profile: AdvocateProfile,
  provider: LetterProvider | null,
): LetterSignature {
  if (letter.kind === 'medical_necessity') {
    return {
      closing: 'Sincerely,',
      name: provider?.name ?? 'Treating physician',
      title: provider?.specialty ?? null,
      organization: null,
    };
  }
  return {
    closing: 'Sincerely,',
    name: profile.signatureName ?? profile.name,
    title: profile.signatureTitle,
    organization: profile.organization,
  };
}

function draftNotice(promptCount: number): string {
  return `DRAFT — not for sending: ${promptCount} ${promptCount === 1 ? 'prompt' : 'prompts'} still to fill`;
}

/**
 * The printed shape of a saved letter: the date and the signer filled in now (so a draft made
 * before the profile was filled prints with it), the letterhead that fits the letter's voice,
 * and DRAFT on every page while prompts remain.
 */
export function layOutLetter(letter: Letter, context: LetterRenderContext): LetterLayout {
  const { profile, caseContext } = context;
  const date = formatLongDate(context.date);
  const signature = signatureOf(letter, profile, caseContext.provider);
  const document = fillRenderFields(letter.body, { letterDate: date, signerName: signature.name });
  const isDraft = letter.unfilledPrompts.length > 0;
  return {
    title: letter.title,
    letterhead: letterheadOf(letter, context),
    draftNotice: isDraft ? draftNotice(letter.unfilledPrompts.length) : null,
    date,
    deliveryLine:
      context.sentVia === 'fax' && caseContext.payerFax
        ? `${deliveryWords.fax}: ${caseContext.payerFax}`
        : context.sentVia
          ? deliveryWords[context.sentVia]
          : null,
    recipient:
      context.recipient && context.recipient.length > 0 ? context.recipient : defaultRecipient(caseContext),
    reLines: referenceLines(caseContext, letter.title),
    runningHeader: patientLine(caseContext),
    document,
    writesOwnFrame: writesOwnFrame(document),
    signature,
    enclosures: context.enclosureTitles,
  };
}

/**
 * The one way a letter becomes a file: exports, "Mark as sent" and the attorney bundle all print
 * through here, so a letter reads the same wherever it goes.
 */
export async function renderLetter(letter: Letter, context: LetterRenderContext): Promise<RenderedLetter> {
  const layout = layOutLetter(letter, context);
  const isDraft = layout.draftNotice !== null;
  if (context.format === 'docx') {
    // docx loads with the first Word letter, not when the app starts (docs/performance.md, "Start").
    const { renderLetterDocx } = await import('./letter-docx');
    return { bytes: await renderLetterDocx(layout), pageCount: null, isDraft };
  }
  const rendered = await renderLetterPdf(layout, { showPageNumbers: context.showPageNumbers ?? true });
  return { bytes: rendered.bytes, pageCount: rendered.pageCount, isDraft };
}
