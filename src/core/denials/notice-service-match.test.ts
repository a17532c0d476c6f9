import { describe, expect, it } from 'vitest';
import { treatmentTheNoticeDiffersFrom } from './notice-service-match';

describe('treatmentTheNoticeDiffersFrom', () => {
  it.each([
    // [notice's service, case's treatment, its detail, expected]
    ['Spravato (esketamine) nasal spray', 'esketamine', null, null],
    ['HCPCS G2082 esketamine administration', 'esketamine', null, null],
    ['Ketamine infusion therapy', 'iv_ketamine', null, null],
    ['Repetitive transcranial magnetic stimulation (rTMS)', 'tms', null, null],
    ['CPT 90867 therapy session', 'tms', null, null],
    ['Spravato (esketamine) nasal spray', 'tms', null, 'TMS'],
    ['Spravato (esketamine) nasal spray', 'iv_ketamine', null, 'IV ketamine'],
    ['IV ketamine infusions', 'esketamine', null, 'Esketamine (Spravato)'],
    ['Deep TMS with the BrainsWay H1 coil', 'other', 'BrainsWay deep TMS', null],
    ['Electroconvulsive therapy', 'other', 'Stellate ganglion block', 'Stellate ganglion block'],
    ['Electroconvulsive therapy', 'other', null, null],
    [null, 'tms', null, null],
    ['   ', 'tms', null, null],
  ] as const)('%s on a %s case (%s) → %s', (service, treatment, detail, expected) => {
    expect(treatmentTheNoticeDiffersFrom(service, treatment, detail)).toBe(expected);
  });
});
