/** Shipped letter template: Letter of medical necessity (for the physician to sign). Its placeholders are listed in docs/letter-placeholders.md. */
export const letterOfMedicalNecessityTemplate = `---
id: letter-of-medical-necessity
title: Letter of medical necessity (for the physician to sign)
kind: medical_necessity
description: A draft in the treating physician's voice addressing each criterion with the records; the physician reviews, completes the clinical narrative and signs.
---
{{today}}

{{payer_name}}
Attn: Utilization Management
{{payer_appeals_address}}
Fax: {{payer_fax}}

**Re: Letter of medical necessity — {{treatment}}**
Patient: {{client_name}}
Date of birth: {{client_dob}}
Member ID: {{member_id}}
Group number: {{group_number}}
Claim / reference number: {{reference_number}}
Requested treatment: {{treatment}}; {{procedure_codes}}
Diagnosis: {{diagnosis_codes}}

To the medical reviewer:

I am the clinician treating {{client_name}} ({{provider_name}}, {{provider_specialty}}, NPI {{provider_npi}}). I write to confirm that {{treatment}} is medically necessary for {{client_name}} and to ask you to approve it.

# Diagnosis

{{client_name}} is diagnosed with {{diagnosis_codes}}. [how the diagnosis was made (DSM-5 criteria, interview) and the course of the current episode — not recorded]

# Severity

{{symptom_scores}}

# Prior treatment

{{client_name}} has had the following treatments:

{{treatment_history}}

# Your policy's criteria are met

Your policy for this treatment is {{criteria_policy}}. Each criterion and the record that shows it:

{{criteria_met}}

# Safety and monitoring

{{clinical_facts}}

# Why this treatment, and why now

[why other treatments are not appropriate, and the risks of delay, including suicide risk — not recorded]

I am available for a peer-to-peer discussion at {{provider_phone}}.

Sincerely,

[physician's signature]
[physician's name and credentials — not recorded]
{{provider_name}}, NPI {{provider_npi}}
`;
