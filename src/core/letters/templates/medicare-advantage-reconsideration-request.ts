/** Shipped letter template: Medicare Advantage reconsideration request. Its placeholders are listed in docs/letter-placeholders.md. */
export const medicareAdvantageReconsiderationRequestTemplate = `---
id: medicare-advantage-reconsideration-request
title: Medicare Advantage reconsideration request
kind: medicare_appeal
description: The first-level appeal of a Medicare Advantage plan's organization determination: asks the plan itself to reconsider, with each stated reason answered and the coverage criteria met.
---
{{today}}

{{payer_name}}
Attn: Reconsiderations
{{payer_appeals_address}}
Fax: {{payer_fax}}

**Re: Request for reconsideration of an organization determination**
Enrollee: {{client_name}}
Date of birth: {{client_dob}}
Member ID: {{member_id}}
Plan: {{plan_name}} ({{plan_type}})
Claim / reference number: {{reference_number}}
Items or services: {{treatment}}; {{procedure_codes}}
Date(s) of service or requested start: {{dates_of_service}}
Diagnosis: {{diagnosis_codes}}
Provider: {{provider_name}}, NPI {{provider_npi}}
Organization determination dated {{denial_notice_date}}

To the Medicare Advantage plan:

I represent {{client_name}} and request a reconsideration of your organization determination dated {{denial_notice_date}}, which denied coverage of {{treatment}} (42 CFR 422.578; 422.582). I act under an appointment of representative (form CMS-1696). {{authorization_enclosure}} I ask you to reverse the determination and cover {{treatment}} as {{provider_name}} requested.

# Why the determination is wrong

{{denial_reasons_answered}}

# The coverage criteria are met

{{criteria_met}}

{{treatment_history}}

{{notice_defects}}

# Timeliness

This request is filed on time: the deadline is {{filing_deadline}}

{{decision_deadline}} If you do not decide fully in {{client_name}}'s favour, you must send the case file to the Part C Independent Review Entity.

# Supporting documents

{{enclosures}}

Sincerely,

{{advocate_name}}
Authorized representative for {{client_name}}
`;
