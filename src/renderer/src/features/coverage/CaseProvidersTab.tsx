import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { networkStatusLabels, networkStatuses, type NetworkStatus } from '@shared/domain/coverage';
import type { CaseDetail } from '@shared/schemas/cases';
import { queryClient } from '../../app/query-client';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import { ReadOnlyField } from '../../components/ReadOnlyField';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { formErrorsFromFailure, noErrors, type FormErrors } from '../../lib/form-errors';
import { ProviderFormDialog } from './ProviderFormDialog';
import styles from './Coverage.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

type Props = { readonly detail: CaseDetail; readonly onAnnounce: (message: string) => void };

export function CaseProvidersTab({ detail, onAnnounce }: Props) {
  const providers = useQuery({
    queryKey: queryKeys.providers.list,
    queryFn: () => callApi('providers.list', {}),
  });
  const [isAdding, setIsAdding] = useState(false);
  const canEdit = useCanEditRecords();
  const setProvider = useMutation({
    mutationFn: (providerId: number | null) =>
      callApi('cases.update', { caseId: detail.id, changes: { providerId } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.cases.detail(detail.id), updated);
      onAnnounce(
        updated.providerName
          ? `${updated.providerName} is treating on this case.`
          : 'Provider removed from the case.',
      );
    },
  });

  return (
    <div className={styles.layout}>
      <div className={styles.card}>
        {canEdit ? (
          <div className={styles.controls}>
            <Field label="Treating provider for this case">
              {(ids) => (
                <select
                  {...ids}
                  className={inputClassName}
                  value={detail.providerId ?? ''}
                  onChange={(event) =>
                    setProvider.mutate(event.target.value ? Number(event.target.value) : null)
                  }
                >
                  <option value="">None chosen</option>
                  {providers.data?.map((provider) => (
                    <option key={provider.id} value={provider.id}>
                      {provider.name}
                      {provider.specialty ? ` · ${provider.specialty}` : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Button onClick={() => setIsAdding(true)}>Add provider</Button>
          </div>
        ) : (
          <div className={styles.controls}>
            <ReadOnlyField
              label="Treating provider for this case"
              value={detail.providerName ?? 'None chosen'}
            />
          </div>
        )}
        {detail.coverageId ? (
          <NetworkStatuses
            coverageId={detail.coverageId}
            providers={providers.data ?? []}
            canEdit={canEdit}
            onAnnounce={onAnnounce}
          />
        ) : (
          <p className={styles.muted}>
            {canEdit
              ? 'Link a coverage on the Coverage tab to record whether providers are in its network.'
              : 'No coverage linked to this case, so no network status.'}
          </p>
        )}
      </div>
      <ProviderFormDialog
        open={isAdding}
        onOpenChange={setIsAdding}
        onSaved={(provider) => {
          void queryClient.invalidateQueries({ queryKey: queryKeys.providers.list });
          if (!detail.providerId) setProvider.mutate(provider.id);
          onAnnounce(`${provider.name} added.`);
        }}
      />
    </div>
  );
}

type NetworkProps = {
  readonly coverageId: number;
  readonly providers: readonly { id: number; name: string }[];
  readonly canEdit: boolean;
  readonly onAnnounce: (message: string) => void;
};

function NetworkStatuses({ coverageId, providers, canEdit, onAnnounce }: NetworkProps) {
  const networks = useQuery({
    queryKey: queryKeys.coverages.networks(coverageId),
    queryFn: () => callApi('coverages.networks', { coverageId }),
  });
  const [providerId, setProviderId] = useState('');
  const [status, setStatus] = useState<NetworkStatus>('in_network');
  const [tier, setTier] = useState('');
  const [referralRequired, setReferralRequired] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = useMutation({
    mutationFn: () =>
      callApi('providers.setNetworkStatus', {
        coverageId,
        providerId: Number(providerId),
        status,
        tier: tier || null,
        referralRequired,
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.coverages.networks(coverageId) });
      setErrors(noErrors);
      onAnnounce(`${saved.providerName}: ${networkStatusLabels[saved.status]}.`);
    },
    onError: (error) => setErrors(formErrorsFromFailure(error, ['providerId', 'tier'])),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!providerId) return setErrors({ fields: { providerId: 'Choose a provider.' } });
    save.mutate();
  }

  return (
    <>
      <table className={styles.table}>
        <caption className="visually-hidden">Network status under this coverage</caption>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Network</th>
            <th scope="col">Tier</th>
            <th scope="col">Referral</th>
          </tr>
        </thead>
        <tbody>
          {networks.data?.map((network) => (
            <tr key={network.providerId}>
              <td>{network.providerName}</td>
              <td>{networkStatusLabels[network.status]}</td>
              <td>{network.tier ?? '—'}</td>
              <td>{network.referralRequired ? 'Required' : 'Not required'}</td>
            </tr>
          ))}
          {networks.data?.length === 0 && (
            <tr>
              <td colSpan={4} className={styles.muted}>
                No network status recorded for this coverage yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {canEdit && (
        <form className={`${formStyles.form} ${styles.controls}`} onSubmit={submit} noValidate>
          <Field label="Provider" error={errors.fields.providerId}>
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={providerId}
                onChange={(event) => setProviderId(event.target.value)}
              >
                <option value="">Choose…</option>
                {providers.map((provider) => (
                  <option key={provider.id} value={provider.id}>
                    {provider.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Network status">
            {(ids) => (
              <select
                {...ids}
                className={inputClassName}
                value={status}
                onChange={(event) => setStatus(event.target.value as NetworkStatus)}
              >
                {networkStatuses.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {networkStatusLabels[candidate]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Tier" optional error={errors.fields.tier}>
            {(ids) => (
              <input
                {...ids}
                className={inputClassName}
                value={tier}
                onChange={(event) => setTier(event.target.value)}
              />
            )}
          </Field>
          <label className={formStyles.choice}>
            <input
              type="checkbox"
              checked={referralRequired}
              onChange={(event) => setReferralRequired(event.target.checked)}
            />
            Referral required
          </label>
          <Button type="submit" disabled={save.isPending}>
            Record status
          </Button>
        </form>
      )}
    </>
  );
}
