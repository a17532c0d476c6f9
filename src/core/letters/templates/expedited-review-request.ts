/** Shipped letter template: Request for expedited (urgent) review. Its placeholders are listed in docs/letter-placeholders.md. */
export const expeditedReviewRequestTemplate = `---
id: expedited-review-request
title: Request for expedited (urgent) review
kind: expedited_review
description: A short, fax-ready request that the plan decide within 72 hours because delay could seriously jeopardize the patient's health; asks for simultaneous expedited external review.
---
{{today}}

{{payer_name}}
Attn: Expedited Appeals
Fax: {{payer_fax}}

**Re: URGENT — request for expedited review**
Member: {{client_name}}
Date of birth: {{client_dob}}
Member ID: {{member_id}}
Group number: {{group_number}}
Claim / reference number: {{reference_number}}
Service: {{treatment}}; {{procedure_codes}}
Diagnosis: {{diagnosis_codes}}
Treating provider: {{provider_name}}, NPI {{provider_npi}}, phone {{provider_phone}}
Denial notice dated {{denial_notice_date}}

To the Appeals Department:

I represent {{client_name}} and request an expedited review of your decision of {{denial_notice_date}} denying {{treatment}}. {{authorization_enclosure}}

{{urgency_statement}}

The rules for urgent claims let this request be made orally or in writing, and let all information pass by telephone, fax or other fast means (29 CFR 2560.503-1(h)(3)(vi)). Please call {{provider_name}} at {{provider_phone}} or me with any question rather than writing.

Your notice of {{denial_notice_date}} gives this reason for the denial: “{{denial_reason}}”

The records show that the criteria of your policy, {{criteria_policy}}, are met:

{{criteria_met}}

{{decision_deadline}} Please send your decision to me and to {{provider_name}} by fax.

# Enclosures

{{enclosures}}

Sincerely,

{{advocate_name}}
Authorized representative for {{client_name}}
`;
