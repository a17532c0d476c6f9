import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { FileDown, FileSpreadsheet } from 'lucide-react';
import { useState } from 'react';
import { outcomesFiltersSchema } from '@shared/schemas/outcomes';
import { Button } from '../../components/Button';
import { Field, inputClassName } from '../../components/Field';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { formErrorsFromZod } from '../../lib/form-errors';
import { downloadTextFile } from '../deadlines/download-calendar';
import { FunderReportDialog } from './FunderReportDialog';
import { HeadlineCards } from './HeadlineCards';
import { ApprovalRateChart, OutcomeMixChart, VolumeChart } from './OutcomeCharts';
import { periodFor, periodPresetLabels, periodPresets, type PeriodPreset } from './outcome-period';
import styles from './Outcomes.module.css';
import { PayerBehaviourTable } from './PayerBehaviourTable';
import { queryKeys } from '../../lib/query-keys';

/** What the caseload achieved over a period, for the advocate and for a funder. */
export function OutcomesView({ onAnnounce }: { readonly onAnnounce: (message: string) => void }) {
  const [preset, setPreset] = useState<PeriodPreset>('this-year');
  const [customPeriod, setCustomPeriod] = useState(() => periodFor('this-year'));
  const [advocate, setAdvocate] = useState('');
  const [isFunderReportOpen, setIsFunderReportOpen] = useState(false);

  const period = preset === 'custom' ? customPeriod : periodFor(preset);
  const checked = outcomesFiltersSchema.safeParse({ ...period, advocate });
  const fieldErrors = checked.success ? {} : formErrorsFromZod(checked.error).fields;
  const filters = checked.success ? checked.data : null;
  const report = useQuery({
    queryKey: queryKeys.outcomes.report(filters),
    queryFn: () => callApi('outcomes.report', filters!),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
  });
  const exportCsv = useMutation({
    mutationFn: () => callApi('outcomes.exportCsv', filters!),
    onSuccess: (file) => {
      downloadTextFile(file.fileName, file.csv, 'text/csv;charset=utf-8');
      onAnnounce(`Figures saved as ${file.fileName} (not encrypted; no client names in it).`);
    },
  });

  const periodText = `${formatCalendarDate(period.from)} to ${formatCalendarDate(period.to)}`;
  const data = report.data;
  const isEmpty = data !== undefined && data.headline.casesActive === 0 && data.headline.decisions === 0;

  return (
    <article className={styles.page} aria-labelledby="outcomes-title">
      <header className={styles.header}>
        <div>
          <h1 id="outcomes-title" className={styles.title}>
            Outcomes
          </h1>
          <p className={styles.muted}>
            {periodText}
            {advocate ? ` · cases of ${advocate}` : ' · all advocates'} · counted from the same records as the
            caseload; the info button beside each figure says how it is counted.
          </p>
        </div>
      </header>

      <form className={styles.filters} aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        <Field label="Period">
          {(ids) => (
            <select
              {...ids}
              className={inputClassName}
              value={preset}
              onChange={(event) => {
                const next = event.target.value as PeriodPreset;
                if (next === 'custom') setCustomPeriod(period);
                setPreset(next);
              }}
            >
              {periodPresets.map((option) => (
                <option key={option} value={option}>
                  {periodPresetLabels[option]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {preset === 'custom' && (
          <>
            <Field label="From" error={fieldErrors['from']}>
              {(ids) => (
                <input
                  {...ids}
                  type="date"
                  className={inputClassName}
                  value={customPeriod.from}
                  onChange={(event) => setCustomPeriod({ ...customPeriod, from: event.target.value })}
                />
              )}
            </Field>
            <Field label="To" error={fieldErrors['to']}>
              {(ids) => (
                <input
                  {...ids}
                  type="date"
                  className={inputClassName}
                  value={customPeriod.to}
                  onChange={(event) => setCustomPeriod({ ...customPeriod, to: event.target.value })}
                />
              )}
            </Field>
          </>
        )}
        <Field label="Advocate">
          {(ids) => (
            <select
              {...ids}
              className={inputClassName}
              value={advocate}
              onChange={(event) => setAdvocate(event.target.value)}
            >
              <option value="">All advocates</option>
              {(data?.advocates ?? []).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className={styles.actions}>
          <Button onClick={() => exportCsv.mutate()} disabled={filters === null || exportCsv.isPending}>
            <FileSpreadsheet aria-hidden size={16} /> Export CSV
          </Button>
          <Button variant="primary" onClick={() => setIsFunderReportOpen(true)} disabled={filters === null}>
            <FileDown aria-hidden size={16} /> Funder report (PDF)
          </Button>
        </div>
      </form>

      {report.isError && <p role="alert">{report.error.message}</p>}
      {filters !== null && report.isPending && <p className={styles.muted}>Counting your cases…</p>}
      {isEmpty && (
        <p className={styles.empty}>
          No cases in this period{advocate ? ` for ${advocate}` : ''}. Figures appear once cases are opened
          (New case, or Import) and payer decisions are added to their timelines. Try a wider period, or all
          advocates.
        </p>
      )}
      {data && !isEmpty && (
        <div className={styles.grid} aria-busy={report.isFetching}>
          <HeadlineCards headline={data.headline} />
          <VolumeChart months={data.months} />
          <OutcomeMixChart shares={data.outcomeMix} />
          <ApprovalRateChart
            title="Payer decisions approved, by appeal level"
            figure="approvalByLevel"
            keyHeading="Level"
            tallies={data.approvalByLevel}
          />
          <ApprovalRateChart
            title="Payer decisions approved, by payer"
            figure="decisionsApproved"
            keyHeading="Payer"
            tallies={data.approvalByPayer}
          />
          <ApprovalRateChart
            title="Payer decisions approved, by treatment"
            figure="decisionsApproved"
            keyHeading="Treatment"
            tallies={data.approvalByTreatment}
          />
          <PayerBehaviourTable payers={data.payers} />
        </div>
      )}
      {filters !== null && (
        <FunderReportDialog
          open={isFunderReportOpen}
          onOpenChange={setIsFunderReportOpen}
          filters={filters}
          periodText={periodText}
          onAnnounce={onAnnounce}
        />
      )}
    </article>
  );
}
