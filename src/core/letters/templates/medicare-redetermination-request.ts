/** Shipped letter template: Medicare redetermination request. Its placeholders are listed in docs/letter-placeholders.md. */
export const medicareRedeterminationRequestTemplate = `---
id: medicare-redetermination-request
title: Medicare redetermination request
kind: medicare_appeal
description: The first-level appeal of an Original Medicare claim decision to the Medicare Administrative Contractor, with every element form CMS-20027 asks for.
---
{{today}}

{{payer_name}}
Attn: Redeterminations
{{payer_appeals_address}}

**Re: Request for redetermination**
Beneficiary: {{client_name}}
Medicare number: {{member_id}}
Items or services: {{treatment}}; {{procedure_codes}}
Date(s) of service: {{dates_of_service}}
Diagnosis: {{diagnosis_codes}}
Provider: {{provider_name}}, NPI {{provider_npi}}
Initial determination dated {{denial_notice_date}}

To the Medicare Administrative Contractor:

I represent {{client_name}} and request a redetermination of the initial determination dated {{denial_notice_date}}, which denied payment for {{treatment}} on {{dates_of_service}}. I act under an appointment of representative (form CMS-1696). {{authorization_enclosure}} I ask you to reverse the determination and pay the claim.

# Why the determination is wrong

{{denial_reasons_answered}}

# The service was reasonable and necessary

{{criteria_met}}

{{treatment_history}}

# Timeliness

This request is filed on time: the deadline is {{filing_deadline}}

{{decision_deadline}}

# Supporting documents

{{enclosures}}

Sincerely,

{{advocate_name}}
Authorized representative for {{client_name}}
`;
