/** Shipped letter template: Complaint to the state insurance department. Its placeholders are listed in docs/letter-placeholders.md. */
export const stateInsuranceComplaintTemplate = `---
id: state-insurance-complaint
title: Complaint to the state insurance department
kind: regulator_complaint
description: Asks the state insurance regulator to look into a plan's handling of a claim: the facts in order, the rules not followed and what the complaint asks for.
---
{{today}}

[state insurance department's name and address — not recorded]

**Re: Complaint against {{payer_name}}**
Consumer: {{client_name}}, {{client_address}}, {{client_phone}}
Insurer: {{payer_name}}
Plan: {{plan_name}} ({{plan_type}})
Member ID: {{member_id}}
Group number: {{group_number}}
Claim / reference number: {{reference_number}}

To the Consumer Services Division:

I represent {{client_name}}. {{authorization_enclosure}} I ask the Department to review {{payer_name}}'s handling of {{client_name}}'s request for {{treatment}}, prescribed by {{provider_name}} for {{diagnosis_codes}}.

# What happened

{{payer_name}} denied the request in a notice dated {{denial_notice_date}}. It gave this reason: “{{denial_reason}}”.

The records meet the insurer's own criteria, {{criteria_policy}}:

{{criteria_met}}

{{procedural_issues}}

{{notice_defects}}

# What we ask

Please review whether {{payer_name}} followed the law and the plan's terms in handling this claim, and ask it to reconsider its decision. Please also tell me if this plan is outside the Department's authority, and which agency to contact instead.

# Enclosures

{{enclosures}}

Sincerely,

{{advocate_name}}
Authorized representative for {{client_name}}
`;
