import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { evidenceStatusLabels } from '@shared/domain/evidence-checklist';
import {
  itemStatusChoices,
  setItemStatusInputSchema,
  type EvidenceItem,
  type ItemStatusChoice,
} from '@shared/schemas/evidence';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { FormDialog } from '../../components/FormDialog';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, formErrorsFromZod, noErrors, type FormErrors } from '../../lib/form-errors';
import styles from './Evidence.module.css';
import { queryKeys } from '../../lib/query-keys';

const choiceLabels: Readonly<Record<ItemStatusChoice, string>> = {
  automatic: 'Automatic (judged from the links and the ledger)',
  ...evidenceStatusLabels,
};

type Props = {
  readonly caseId: number;
  readonly item: EvidenceItem | null;
  readonly onClose: () => void;
  readonly onSaved: (message: string) => void;
};

/** Sets an item's status by hand where links cannot say it (a judgement, or not applicable with its reason). */
export function ItemStatusDialog({ caseId, item, onClose, onSaved }: Props) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ItemStatusChoice>(item?.isManual ? item.status : 'automatic');
  const [reason, setReason] = useState(item?.reason ?? '');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = useMutation({
    mutationFn: (input: { status: ItemStatusChoice; reason: string | null }) =>
      callApi('evidence.setStatus', { caseId, itemKey: item!.key, ...input }),
    onSuccess: async (checklist) => {
      queryClient.setQueryData(queryKeys.evidence.ofCase(caseId), checklist);
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseload.ofCases });
      const updated = checklist.items.find((candidate) => candidate.key === item!.key)!;
      onSaved(
        `“${updated.label}” is ${evidenceStatusLabels[updated.status].toLowerCase()}. Readiness ${checklist.readiness.percent}%.`,
      );
      onClose();
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['reason', 'status'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = setItemStatusInputSchema.safeParse({ caseId, itemKey: item?.key, status, reason });
    if (!parsed.success) return setErrors(formErrorsFromZod(parsed.error));
    setErrors(noErrors);
    save.mutate({ status: parsed.data.status, reason: parsed.data.reason });
  }

  return (
    <FormDialog
      open={item !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`Status of “${item?.label ?? ''}”`}
      description="A status set by hand wins over the automatic one until you set it back to automatic."
      onSubmit={submit}
      submitLabel="Save status"
      submitDisabled={save.isPending}
      error={errors.form}
    >
      <fieldset className={formStyles.fieldset}>
        <legend className={formStyles.legend}>Status</legend>
        {itemStatusChoices.map((choice) => (
          <label key={choice} className={formStyles.choice}>
            <input
              type="radio"
              name="item-status"
              value={choice}
              checked={status === choice}
              onChange={() => setStatus(choice)}
            />
            {choiceLabels[choice]}
          </label>
        ))}
      </fieldset>
      <Field
        label="Reason"
        optional={status !== 'not_applicable'}
        hint={
          status === 'not_applicable'
            ? 'Required: a reviewer will ask why.'
            : 'What you checked, for whoever reads the case next.'
        }
        error={errors.fields.reason}
      >
        {(ids) => (
          <textarea
            {...ids}
            className={`${inputClassName} ${styles.textarea}`}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
