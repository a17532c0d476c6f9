import type { LetterDocument } from '../../src/shared/domain/letter-document';
import type { AdvocateProfileInput } from '../../src/shared/schemas/profile';

/** An invented advocate, as typed into Settings → Profile. */
export const sampleProfile: AdvocateProfileInput = {
  name: 'Jordan Reyes',
  organization: 'Northside Patient Advocacy',
  address: '410 Alder Street, Suite 2\nPortland, OR 97205',
  phone: '503 555 0142',
  fax: '503-555-0143',
  email: 'jordan@northside-advocacy.example',
  signatureName: 'Jordan Reyes, CPHA',
  signatureTitle: 'Patient Advocate',
};

/**
 * An appeal body long enough to run onto a second page, with every block and run style the
 * writers must render: headings, bold, italic, bulleted and numbered lists.
 */
export const sampleLetterDocument: LetterDocument = {
  blocks: [
    { type: 'paragraph', runs: [{ text: 'Dear Appeals Reviewer:' }] },
    {
      type: 'paragraph',
      runs: [
        { text: 'I write on behalf of my client to request a ' },
        { text: 'first-level internal appeal', bold: true },
        { text: ' of the denial of esketamine (Spravato) nasal spray, ' },
        { text: 'dated March 10, 2026', italic: true },
        { text: '. The denial states that fewer than two antidepressant trials are documented.' },
      ],
    },
    { type: 'heading', runs: [{ text: 'Treatment history' }] },
    {
      type: 'paragraph',
      runs: [
        {
          text: 'The enclosed records document adequate trials of the following medications at therapeutic doses, each for at least eight weeks, with an inadequate response:',
        },
      ],
    },
    {
      type: 'numbered_list',
      items: [
        [{ text: 'Sertraline 200 mg daily, ' }, { text: 'June to September 2024', italic: true }],
        [{ text: 'Bupropion XL 450 mg daily, October 2024 to January 2025' }],
        [{ text: 'Venlafaxine XR 225 mg daily with aripiprazole augmentation, 2025' }],
      ],
    },
    { type: 'heading', runs: [{ text: 'Why the criteria are met' }] },
    {
      type: 'bulleted_list',
      items: [
        [
          { text: 'Diagnosis: ' },
          { text: 'major depressive disorder, recurrent, severe (F33.2)', bold: true },
        ],
        [{ text: 'PHQ-9 score of 21 on February 20, 2026, after three adequate trials' }],
        [{ text: 'Treatment is to be given at a certified REMS treatment center' }],
      ],
    },
    ...Array.from({ length: 5 }, (_, index) => ({
      type: 'paragraph' as const,
      runs: [
        {
          text: `Paragraph ${index + 1} of the argument. The plan's own medical policy lists the same criteria the enclosed records satisfy, and the reviewer did not address the third trial documented in the psychiatrist's notes. I ask that the reviewer read the enclosed notes in full and reverse the denial; please contact me with any question about the records.`,
        },
      ],
    })),
    {
      type: 'paragraph',
      runs: [
        { text: 'Thank you for your prompt review. This request is ' },
        { text: 'time-sensitive', bold: true },
        { text: '.' },
      ],
    },
  ],
};
