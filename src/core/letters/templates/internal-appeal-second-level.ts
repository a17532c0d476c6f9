/** Shipped letter template: Internal appeal, second level. Its placeholders are listed in docs/letter-placeholders.md. */
export const internalAppealSecondLevelTemplate = `---
id: internal-appeal-second-level
title: Internal appeal, second level
kind: internal_appeal
description: Appeals a first-level appeal decision that upheld the denial: answers the decision's stated reasons, restates the criteria met and asks for the final decision with external review rights.
---
{{today}}

{{payer_name}}
Attn: Appeals, second level
{{payer_appeals_address}}
Fax: {{payer_fax}}

**Re: {{request_type}} second-level appeal of adverse benefit determination**
Member: {{client_name}}
Date of birth: {{client_dob}}
Member ID: {{member_id}}
Group number: {{group_number}}
Plan: {{plan_name}} ({{plan_type}})
Claim / reference number: {{reference_number}}
Date(s) of service or requested start: {{dates_of_service}}
Service: {{treatment}}; {{procedure_codes}}
Diagnosis: {{diagnosis_codes}}
Treating provider: {{provider_name}}, NPI {{provider_npi}}
First-level appeal filed {{previous_appeal_date}}; decision dated {{denial_notice_date}}, received {{denial_received_date}}

To the Appeals Department:

I represent {{client_name}}. {{authorization_enclosure}} On {{previous_appeal_date}} I appealed your denial of {{treatment}}. Your decision of {{denial_notice_date}} upheld the denial. I now request the second-level review your plan provides, and I ask you to reverse the denial and approve {{treatment}} as {{provider_name}} requested.

{{urgency_statement}}

# The reasons given for upholding the denial are wrong

{{denial_reasons_answered}}

# Your own criteria are met

Your policy for this treatment is {{criteria_policy}}. The records meet its criteria:

{{criteria_met}}

# Treatment history

{{treatment_history}}

Depression severity on standardized scales:

{{symptom_scores}}

{{procedural_issues}}

{{notice_defects}}

# What this review must include

This review must be new and independent (29 CFR 2560.503-1(h)). I ask that you:

- have it decided by someone who made neither earlier decision and is not the subordinate of anyone who did, giving no deference to them (29 CFR 2560.503-1(h)(3)(ii));
- consider everything submitted with both appeals (29 CFR 2560.503-1(h)(2)(iv));
- consult a health care professional trained and experienced in psychiatry who was not consulted before (29 CFR 2560.503-1(h)(3)(iii), (v)), and name every medical expert whose advice you obtained (29 CFR 2560.503-1(h)(3)(iv)).

If I do not yet have it, please send me, free of charge, the complete claim file, including the criteria applied and the first-level reviewer's notes and qualifications (29 CFR 2560.503-1(h)(2)(iii), (m)(8)), and send any new evidence or rationale in time for me to respond before you decide (29 CFR 2590.715-2719(b)(2)(ii)(C)).

If you uphold the denial, your decision is the final internal decision. It must state the specific reasons and the plan provisions relied on, the criteria used or that they are available free of charge, and how to request external review (29 CFR 2560.503-1(j); 29 CFR 2590.715-2719(b)(2)(ii)(E)). {{client_name}} intends to request external review if the denial stands.

# Deadlines

This appeal is filed on time: the deadline to file is {{filing_deadline}}

{{decision_deadline}} I expect your written decision within that time.

# Enclosures

{{enclosures}}

Sincerely,

{{advocate_name}}
Authorized representative for {{client_name}}
`;
