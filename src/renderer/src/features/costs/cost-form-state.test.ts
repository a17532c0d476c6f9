import { describe, expect, it } from 'vitest';
import {
  costSharingFields,
  courseFields,
  formStateFrom,
  priceFields,
  writeFormState,
} from './cost-form-state';

describe('cost form state', () => {
  it('reads "$1,250.00" as cents, blanks as not entered, and keeps text that is no amount for the schema to report', () => {
    const fields = [...courseFields, ...priceFields, ...costSharingFields('inNetwork')];
    const inputs = writeFormState({}, fields, {
      'course.inductionSessions': '6',
      'prices.inNetworkAllowedCents': '$1,250.00',
      'prices.selfPayPriceCents': 'about 400',
      'inNetwork.coinsurancePercent': '20%',
    });
    expect(inputs).toEqual({
      course: { inductionSessions: 6, maintenanceSessionsPerMonth: 0, maintenanceMonths: 0 },
      prices: {
        inNetworkAllowedCents: 1_250_00,
        outOfNetworkChargeCents: null,
        outOfNetworkAllowedCents: null,
        singleCaseAgreementRateCents: null,
        selfPayPriceCents: 'about 400',
      },
      inNetwork: {
        deductibleCents: null,
        deductibleMetCents: null,
        coinsurancePercent: 20,
        copayCents: null,
        outOfPocketMaxCents: null,
        outOfPocketMetCents: null,
      },
    });
  });

  it('shows saved cents as dollars', () => {
    const state = formStateFrom(priceFields, {
      prices: { inNetworkAllowedCents: 45_050, selfPayPriceCents: null },
    });
    expect(state['prices.inNetworkAllowedCents']).toBe('450.50');
    expect(state['prices.selfPayPriceCents']).toBe('');
  });
});
