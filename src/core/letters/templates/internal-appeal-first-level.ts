/** Shipped letter template: Internal appeal, first level. Its placeholders are listed in docs/letter-placeholders.md. */
export const internalAppealFirstLevelTemplate = `---
id: internal-appeal-first-level
title: Internal appeal, first level
kind: internal_appeal
description: Asks an employer or individual plan to reverse a denial: each stated reason quoted and answered, the criteria met with evidence, a full and fair review and the claim file.
---
{{today}}

{{payer_name}}
Attn: Appeals
{{payer_appeals_address}}
Fax: {{payer_fax}}

**Re: {{request_type}} appeal of adverse benefit determination**
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
Denial notice dated {{denial_notice_date}}, received {{denial_received_date}}

To the Appeals Department:

I represent {{client_name}} and appeal your decision of {{denial_notice_date}} denying coverage of {{treatment}}. I ask you to reverse it and approve {{treatment}} as {{provider_name}} requested. {{authorization_enclosure}}

{{urgency_statement}}

# The stated reasons for the denial are wrong

{{denial_reasons_answered}}

# Your own criteria are met

Your policy for this treatment is {{criteria_policy}}. The records meet its criteria:

{{criteria_met}}

# Treatment history

Before this request, {{client_name}} completed the following treatments:

{{treatment_history}}

Depression severity on standardized scales:

{{symptom_scores}}

{{procedural_issues}}

{{notice_defects}}

# What this review must include

This appeal is entitled to a full and fair review (29 CFR 2560.503-1(h)). I ask that you:

- have it decided by someone who did not make the first decision and is not that person's subordinate, giving no deference to the first decision (29 CFR 2560.503-1(h)(3)(ii));
- consider everything enclosed, whether or not it was available when you first decided (29 CFR 2560.503-1(h)(2)(iv));
- because the denial rests on medical judgment, consult a health care professional trained and experienced in psychiatry who was not consulted on the first decision (29 CFR 2560.503-1(h)(3)(iii), (v));
- name every medical expert whose advice you obtained, whether or not you relied on it (29 CFR 2560.503-1(h)(3)(iv)).

Please send me, free of charge, the complete claim file: every document relevant to the claim, including the clinical policy and the exact criteria applied, the reviewers' notes, and the name and specialty of each medical reviewer (29 CFR 2560.503-1(h)(2)(iii), (m)(8)). If you consider new evidence or rely on a new rationale, send it to me free of charge and in time for me to respond before you decide (29 CFR 2590.715-2719(b)(2)(ii)(C)). Because this is a mental health benefit, please also send the medical-necessity criteria for it and the criteria you apply to comparable medical and surgical benefits (29 CFR 2590.712(d)).

# Deadlines

This appeal is filed on time: the deadline to file is {{filing_deadline}}

{{decision_deadline}} I expect your written decision within that time.

# Enclosures

{{enclosures}}

Please send your decision and any request for information to me, with a copy to {{client_name}}.

Sincerely,

{{advocate_name}}
Authorized representative for {{client_name}}
`;
