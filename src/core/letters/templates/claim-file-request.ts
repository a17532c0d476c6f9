/** Shipped letter template: Request for the claim file and criteria. Its placeholders are listed in docs/letter-placeholders.md. */
export const claimFileRequestTemplate = `---
id: claim-file-request
title: Request for the claim file and criteria
kind: claim_file_request
description: Asks the plan, free of charge, for every document relevant to the denial, the exact criteria used, the clinical rationale and the reviewers' names and qualifications. Send right after any denial.
---
{{today}}

{{payer_name}}
Attn: Appeals / Member Records
{{payer_appeals_address}}
Fax: {{payer_fax}}

**Re: Request for the claim file and the criteria used, free of charge**
Member: {{client_name}}
Date of birth: {{client_dob}}
Member ID: {{member_id}}
Group number: {{group_number}}
Plan: {{plan_name}} ({{plan_type}})
Claim / reference number: {{reference_number}}
Service: {{treatment}}; {{procedure_codes}}
Denial notice dated {{denial_notice_date}}

To whom it may concern:

I represent {{client_name}}. {{authorization_enclosure}} Your notice of {{denial_notice_date}} denied coverage of {{treatment}}. To prepare the appeal, I request copies of the following, free of charge:

1. Every document, record and other information relevant to the claim (29 CFR 2560.503-1(h)(2)(iii)). That includes anything relied on; anything submitted, considered or generated in making the decision, even if not relied on; the records showing the plan followed its own procedures and safeguards; and any statement of policy or guidance about this treatment for this diagnosis, whether or not relied on (29 CFR 2560.503-1(m)(8)). In particular: the authorization or claim record, all medical records you received, the reviewers' notes and call logs, and the clinical policy with the exact criteria applied.
2. Any internal rule, guideline or protocol relied on (29 CFR 2560.503-1(g)(1)(v)(A)).
3. The explanation of the scientific or clinical judgment that applied the plan's terms to {{client_name}}'s medical circumstances (29 CFR 2560.503-1(g)(1)(v)(B)).
4. The name and qualifications of every medical or vocational expert whose advice was obtained, whether or not relied on (29 CFR 2560.503-1(h)(3)(iv)).
5. The diagnosis and treatment codes, and the denial code, each with its meaning (29 CFR 2590.715-2719(b)(2)(ii)(E)).
6. Because this is a mental health benefit, the medical-necessity criteria for it and the information comparing them with the criteria for medical and surgical benefits (29 CFR 2590.712(d)).

{{notice_omissions_requested}}

These must be provided free of charge. Please send them promptly: the appeal has its own deadline, {{filing_deadline}}

This request does not extend or replace the appeal. If you need anything from me to release these records, tell me at once.

# Enclosures

{{enclosures}}

Sincerely,

{{advocate_name}}
Authorized representative for {{client_name}}
`;
