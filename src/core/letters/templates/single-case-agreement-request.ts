/** Shipped letter template: Single-case agreement request (out-of-network provider). Its placeholders are listed in docs/letter-placeholders.md. */
export const singleCaseAgreementRequestTemplate = `---
id: single-case-agreement-request
title: Single-case agreement request (out-of-network provider)
kind: single_case_agreement
description: Asks the plan to cover an out-of-network provider at in-network cost sharing for this one patient, because no in-network provider can give the treatment.
---
{{today}}

{{payer_name}}
Attn: Provider Contracting / Case Management
Fax: {{payer_fax}}

**Re: Request for a single-case agreement**
Member: {{client_name}}
Date of birth: {{client_dob}}
Member ID: {{member_id}}
Group number: {{group_number}}
Plan: {{plan_name}} ({{plan_type}})
Service: {{treatment}}; {{procedure_codes}}
Diagnosis: {{diagnosis_codes}}
Out-of-network provider: {{provider_name}}, NPI {{provider_npi}}, {{provider_address}}, phone {{provider_phone}}

To Provider Contracting:

On behalf of {{client_name}}, I request a single-case agreement so that {{provider_name}} can provide {{treatment}} at in-network cost sharing. {{authorization_enclosure}}

# No in-network provider can provide this treatment

[in-network providers contacted, with dates, and why none can provide the treatment within a reasonable time and distance — not recorded]

# The treatment is medically necessary

Your policy for this treatment is {{criteria_policy}}. The records meet its criteria:

{{criteria_met}}

{{urgency_statement}}

# What we ask

Please agree to cover {{treatment}} by {{provider_name}} for {{client_name}} as if the provider were in your network, with the member's cost sharing at the in-network level, for the course of treatment requested. {{provider_name}} will agree the rate with you directly; their contact is above. Please reply in writing to me and to {{provider_name}}.

# Enclosures

{{enclosures}}

Sincerely,

{{advocate_name}}
Authorized representative for {{client_name}}
`;
