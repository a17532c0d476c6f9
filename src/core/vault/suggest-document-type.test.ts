import { describe, expect, it } from 'vitest';
import { suggestDocumentType } from './suggest-document-type';

describe('suggestDocumentType', () => {
  it.each([
    ['Aetna denial 2026-03.pdf', '', 'pdf', 'denial_letter'],
    [
      'scan001.pdf',
      'We have completed our review. This is an adverse benefit determination.',
      'pdf',
      'denial_letter',
    ],
    ['EOB_march.pdf', '', 'pdf', 'eob'],
    ['statement.pdf', 'EXPLANATION OF BENEFITS — THIS IS NOT A BILL', 'pdf', 'eob'],
    ['LMN Spravato.docx', '', 'docx', 'letter_of_medical_necessity'],
    [
      'letter.docx',
      'This letter of medical necessity supports esketamine.',
      'docx',
      'letter_of_medical_necessity',
    ],
    ['level 1 appeal.docx', '', 'docx', 'appeal_letter'],
    ['HIPAA release.pdf', '', 'pdf', 'authorization_form'],
    ['insurance card front.jpg', '', 'jpeg', 'insurance_card'],
    [
      'CP.PHAR.376.pdf',
      'Clinical Policy: Esketamine. Coverage criteria for treatment-resistant depression.',
      'pdf',
      'policy_document',
    ],
    [
      'paper.pdf',
      'Abstract. In this randomized trial (Smith et al.) doi:10.1000/xyz',
      'pdf',
      'peer_reviewed_study',
    ],
    ['phq-9 scores.pdf', '', 'pdf', 'diagnosis_test_results'],
    ['progress notes 2025.pdf', '', 'pdf', 'medical_records'],
    ['from the clinic.eml', 'Hello, see you Tuesday.', 'eml', 'correspondence'],
    ['IMG_4411.png', '', 'png', 'other'],
  ] as const)('%s → %s', (fileName, text, mediaType, expected) => {
    expect(suggestDocumentType(fileName, text, mediaType)).toBe(expected);
  });

  it('trusts the file name over a passing word in the text', () => {
    expect(suggestDocumentType('EOB.pdf', 'Your appeal rights are explained below.', 'pdf')).toBe('eob');
  });
});
