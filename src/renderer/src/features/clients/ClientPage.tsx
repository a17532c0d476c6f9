import { useQuery } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { authorizationKindLabels } from '@shared/domain/authorizations';
import { caseStageLabels } from '@shared/domain/case-stages';
import { planTypeLabels } from '@shared/domain/plan-types';
import { describeTreatment } from '@shared/domain/treatments';
import type { Coverage } from '@shared/schemas/coverages';
import { queryClient } from '../../app/query-client';
import { hrefFor, navigate } from '../../app/routes';
import { Button } from '../../components/Button';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { CoverageFormDialog } from '../coverage/CoverageFormDialog';
import { DeleteRecordDialog, type DeleteTarget } from '../history/DeleteRecordDialog';
import { AuthorizationForm } from './AuthorizationForm';
import { ClientContactForm } from './ClientContactForm';
import styles from './ClientPage.module.css';
import { queryKeys } from '../../lib/query-keys';
import { keptTheirsMessage } from '../edit-conflicts/EditConflictDialog';
import { useCanEditRecords } from '../team/use-team-connection';
import { ClientDetails } from './ClientDetails';
import type { Announce } from '../../app/announce';

type Props = { readonly clientId: number; readonly onAnnounce: Announce };

export function ClientPage({ clientId, onAnnounce }: Props) {
  const detail = useQuery({
    queryKey: queryKeys.clients.detail(clientId),
    queryFn: () => callApi('clients.get', { clientId }),
  });
  const [editingCoverage, setEditingCoverage] = useState<Coverage | 'new' | null>(null);
  const [deleteTarget, setDeleteTarget] = useState<DeleteTarget | null>(null);
  // A team's viewer reads the client of a case shared with them; nothing here changes for them.
  const canEdit = useCanEditRecords();

  if (detail.isPending) return <p className={styles.muted}>Opening the client…</p>;
  if (detail.isError) {
    return (
      <p role="alert" className={styles.muted}>
        {detail.error.message} <a href={hrefFor({ name: 'caseload' })}>Back to the caseload</a>
      </p>
    );
  }
  const { client, authorizations, coverages, cases } = detail.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.clients.detail(clientId) });

  return (
    <article className={styles.page} aria-labelledby="client-title">
      <div className={styles.topRow}>
        <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
          <a href={hrefFor({ name: 'caseload' })}>Caseload</a> / <span>{client.fullName}</span>
        </nav>
        {canEdit && (
          <Button
            variant="quiet"
            onClick={() => setDeleteTarget({ kind: 'client', clientId, name: client.fullName })}
          >
            <Trash2 aria-hidden size={14} /> Delete client…
          </Button>
        )}
      </div>
      <header>
        <h1 id="client-title" className={styles.title}>
          {client.fullName}
        </h1>
        <p className={styles.muted}>
          {client.dateOfBirth
            ? `Born ${formatCalendarDate(client.dateOfBirth)}`
            : 'Date of birth not recorded'}
          {client.state ? ` · ${client.state}` : ''}
        </p>
        <p>
          <a href={hrefFor({ name: 'plans', clientId })}>Compare plans</a> for open enrollment or a job change
        </p>
        <p>
          <a href={hrefFor({ name: 'tracks', clientId })}>Parallel tracks board</a>
          <span className={styles.muted}> — every route pursued for this client, on one screen</span>
        </p>
      </header>
      <div className={styles.columns}>
        <div className={styles.column}>
          <section className={styles.card} aria-labelledby="cases-title">
            <h2 id="cases-title" className={styles.cardTitle}>
              Cases
            </h2>
            {cases.length === 0 ? (
              <p className={styles.muted}>No cases for this client.</p>
            ) : (
              <ul className={styles.list}>
                {cases.map((item) => (
                  <li key={item.id}>
                    <a href={hrefFor({ name: 'case', caseId: item.id, tab: 'timeline' })}>
                      {item.caseNumber} · {describeTreatment(item.treatment, item.treatmentDetail)}
                    </a>
                    <span className={styles.muted}>
                      {' '}
                      · {item.payer ?? 'payer not recorded'} · {caseStageLabels[item.stage]}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={styles.card} aria-labelledby="coverage-title">
            <div className={styles.cardHeader}>
              <h2 id="coverage-title" className={styles.cardTitle}>
                Coverage history
              </h2>
              {canEdit && <Button onClick={() => setEditingCoverage('new')}>Add coverage</Button>}
            </div>
            {coverages.length === 0 && (
              <p className={styles.muted}>
                {canEdit ? 'No plans recorded. Add the one on the member card.' : 'No plans recorded.'}
              </p>
            )}
            <ul className={styles.list}>
              {coverages.map((coverage) => (
                <li key={coverage.id} className={styles.coverage}>
                  <div>
                    <strong>{coverage.payer}</strong>
                    {coverage.planName ? ` · ${coverage.planName}` : ''}
                    <div className={styles.muted}>
                      {planTypeLabels[coverage.planType]}
                      {coverage.memberId ? ` · Member ID ${coverage.memberId}` : ''} ·{' '}
                      {describePlanPeriod(coverage.effectiveOn, coverage.endsOn)}
                    </div>
                  </div>
                  {canEdit && (
                    <Button
                      variant="quiet"
                      onClick={() => setEditingCoverage(coverage)}
                      aria-label={`Edit coverage with ${coverage.payer}`}
                    >
                      Edit
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </div>
        <div className={styles.column}>
          <section className={styles.card} aria-labelledby="authorizations-title">
            <h2 id="authorizations-title" className={styles.cardTitle}>
              Authorizations on file
            </h2>
            {authorizations.length === 0 && (
              <p className={canEdit ? styles.warning : styles.muted}>
                {canEdit
                  ? 'None yet. Payers will not discuss the case with you until one is on file.'
                  : 'None on file.'}
              </p>
            )}
            <ul className={styles.list}>
              {authorizations.map((authorization) => (
                <li key={authorization.id}>
                  {authorizationKindLabels[authorization.kind]}
                  <div className={authorization.isExpired ? styles.expired : styles.muted}>
                    Signed {formatCalendarDate(authorization.signedOn)}
                    {authorization.expiresOn
                      ? authorization.isExpired
                        ? ` · Expired ${formatCalendarDate(authorization.expiresOn)}`
                        : ` · Expires ${formatCalendarDate(authorization.expiresOn)}`
                      : ' · No expiry date'}
                  </div>
                </li>
              ))}
            </ul>
            {canEdit && (
              <AuthorizationForm
                clientId={clientId}
                onSaved={async () => {
                  await refresh();
                  await queryClient.invalidateQueries({ queryKey: queryKeys.cases.all });
                  onAnnounce('Authorization recorded.');
                }}
              />
            )}
          </section>
          {canEdit ? (
            <ClientContactForm
              client={client}
              onSaved={async (message, options) => {
                await refresh();
                onAnnounce(message, options);
              }}
            />
          ) : (
            <ClientDetails client={client} />
          )}
        </div>
      </div>
      <DeleteRecordDialog
        target={deleteTarget}
        onClose={() => setDeleteTarget(null)}
        onDeleted={(message) => {
          onAnnounce(message);
          navigate({ name: 'caseload' });
        }}
      />
      {editingCoverage && (
        <CoverageFormDialog
          key={editingCoverage === 'new' ? 'new' : editingCoverage.id}
          clientId={clientId}
          coverage={editingCoverage === 'new' ? null : editingCoverage}
          open
          onOpenChange={(isOpen) => !isOpen && setEditingCoverage(null)}
          onSaved={(saved) => {
            void refresh();
            onAnnounce(`Coverage with ${saved.payer} saved.`);
          }}
          onKeptTheirs={() => {
            void refresh();
            onAnnounce(keptTheirsMessage('coverage'), { isUndoable: false });
          }}
        />
      )}
    </article>
  );
}

/** A plan's dates in words: never a dash where a date is simply not known. */
function describePlanPeriod(effectiveOn: string | null, endsOn: string | null): string {
  if (effectiveOn && endsOn) return `${formatCalendarDate(effectiveOn)} to ${formatCalendarDate(endsOn)}`;
  if (effectiveOn) return `from ${formatCalendarDate(effectiveOn)}`;
  if (endsOn) return `until ${formatCalendarDate(endsOn)}`;
  return 'dates not recorded';
}
