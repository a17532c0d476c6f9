/** Shipped letter template: External review request. Its placeholders are listed in docs/letter-placeholders.md. */
export const externalReviewRequestTemplate = `---
id: external-review-request
title: External review request
kind: external_review
description: Asks an independent reviewer to overturn the plan's final internal denial, with the denial, the appeal, the letter of medical necessity and the records enclosed.
---
{{today}}

[external reviewer's name and address, from the final denial notice — not recorded]

**Re: {{request_type}} request for external review**
Covered person: {{client_name}}
Date of birth: {{client_dob}}
Health plan: {{payer_name}}, {{plan_name}} ({{plan_type}})
Member ID: {{member_id}}
Group number: {{group_number}}
Claim / reference number: {{reference_number}}
Service: {{treatment}}; {{procedure_codes}}
Diagnosis: {{diagnosis_codes}}
Treating provider: {{provider_name}}, NPI {{provider_npi}}
Final internal denial dated {{denial_notice_date}}, received {{denial_received_date}}

To the external reviewer:

I represent {{client_name}}. {{authorization_enclosure}} I request an independent external review of {{payer_name}}'s final decision of {{denial_notice_date}} denying coverage of {{treatment}}. The denial turns on medical judgment, so it can be reviewed externally. I ask you to reverse it.

{{urgency_statement}}

# The plan's reasons, and why they are wrong

{{denial_reasons_answered}}

# The plan's own criteria are met

The plan's policy is {{criteria_policy}}. The records meet its criteria:

{{criteria_met}}

# Treatment history

{{treatment_history}}

Depression severity on standardized scales:

{{symptom_scores}}

{{procedural_issues}}

{{notice_defects}}

# Timeliness

This request is made within the time allowed: the deadline is {{filing_deadline}}

# Enclosures

Copies, not originals:

{{enclosures}}

Please send your decision to me and to {{client_name}}.

Sincerely,

{{advocate_name}}
Authorized representative for {{client_name}}
`;
