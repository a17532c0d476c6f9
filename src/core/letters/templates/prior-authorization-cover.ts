/** Shipped letter template: Prior-authorization cover letter. Its placeholders are listed in docs/letter-placeholders.md. */
export const priorAuthorizationCoverTemplate = `---
id: prior-authorization-cover
title: Prior-authorization cover letter
kind: prior_authorization
description: A cover letter for a prior-authorization request: what is requested, the criteria met, what is enclosed and how long the plan has to decide.
---
{{today}}

{{payer_name}}
Attn: Prior Authorization
Fax: {{payer_fax}}

**Re: {{request_type}} prior-authorization request — {{treatment}}**
Member: {{client_name}}
Date of birth: {{client_dob}}
Member ID: {{member_id}}
Group number: {{group_number}}
Plan: {{plan_name}} ({{plan_type}})
Service: {{treatment}}; {{procedure_codes}}
Diagnosis: {{diagnosis_codes}}
Requested start: {{dates_of_service}}
Treating provider: {{provider_name}}, NPI {{provider_npi}}, phone {{provider_phone}}, fax {{provider_fax}}

To the Prior Authorization Department:

On behalf of {{client_name}} and {{provider_name}}, I request prior authorization of {{treatment}}. The enclosed records show that every criterion of your policy, {{criteria_policy}}, is met:

{{criteria_met}}

{{urgency_statement}}

{{decision_deadline}} If you need anything more to decide, tell me and {{provider_name}} at once and say exactly what is missing.

# Enclosures

{{enclosures}}

Sincerely,

{{advocate_name}}
Authorized representative for {{client_name}}
`;
