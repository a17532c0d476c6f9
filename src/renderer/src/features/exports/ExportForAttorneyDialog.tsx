import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { MethodInput } from '@shared/contract';
import { timelineEventTypeLabels, type TimelineEventType } from '@shared/domain/timeline-event-types';
import {
  redactableFieldLabels,
  redactableFields,
  type RedactableField,
} from '@shared/domain/redactable-fields';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field, inputClassName } from '../../components/Field';
import formStyles from '../../components/Form.module.css';
import { callApi } from '../../lib/api';
import { PdfViewer } from '../vault/PdfViewer';
import { saveFile } from '../../lib/save-file';
import styles from './Exports.module.css';
import { queryKeys } from '../../lib/query-keys';

type Props = {
  readonly caseId: number;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onAnnounce: (message: string) => void;
};

type Selection = MethodInput<'exports.summary'>['selection'];

function toggle<T>(list: readonly T[], item: T, isOn: boolean): T[] {
  return isOn ? [...list, item] : list.filter((candidate) => candidate !== item);
}

/**
 * Export for an attorney: choose what goes in, redact, preview the summary PDF as it will
 * be saved, then save it or the numbered, Bates-stamped exhibit bundle.
 */
export function ExportForAttorneyDialog({ caseId, open, onOpenChange, onAnnounce }: Props) {
  const choices = useQuery({
    queryKey: queryKeys.exports.choices(caseId),
    queryFn: () => callApi('exports.choices', { caseId }),
    enabled: open,
  });
  const [attorneyName, setAttorneyName] = useState('');
  const [excludedTypes, setExcludedTypes] = useState<TimelineEventType[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // The user's ticks over the offered ones: unsent letters (drafts) start unticked.
  const [documentChoices, setDocumentChoices] = useState<ReadonlyMap<number, boolean>>(new Map());
  const isChosen = (document: { readonly id: number; readonly isPreselected: boolean }) =>
    documentChoices.get(document.id) ?? document.isPreselected;
  const chosenDocuments = choices.data?.documents.filter(isChosen) ?? [];
  const [redact, setRedact] = useState<RedactableField[]>([]);
  const [batesPrefix, setBatesPrefix] = useState('ADV');
  const [isEncrypted, setIsEncrypted] = useState(false);
  const [password, setPassword] = useState('');
  const [preview, setPreview] = useState<string | null>(null);

  const selection: Selection = {
    caseId,
    attorneyName,
    from,
    to,
    redact,
    ...(excludedTypes.length > 0 && choices.data
      ? {
          eventTypes: choices.data.eventTypeCounts
            .map((entry) => entry.type)
            .filter((type) => !excludedTypes.includes(type)),
        }
      : {}),
    ...(choices.data
      ? {
          documentIds: chosenDocuments.map((document) => document.id),
        }
      : {}),
  };

  const summary = useMutation({
    mutationFn: () => callApi('exports.summary', { selection }),
  });
  const bundle = useMutation({
    mutationFn: () =>
      saveFile('exports.bundle', {
        selection,
        batesPrefix,
        ...(isEncrypted ? { password } : {}),
      }),
    onSuccess: (result) => {
      if (!result.savedAs) return;
      onAnnounce(
        `Exhibit bundle saved as ${result.savedAs}: ${result.exhibitCount} exhibits` +
          (result.firstBates ? `, Bates ${result.firstBates} to ${result.lastBates}` : '') +
          (result.isEncrypted ? ', encrypted.' : ', not encrypted.'),
      );
    },
  });
  const savedSummary = useMutation({
    mutationFn: () => saveFile('exports.summary', { selection }),
    onSuccess: (result) => {
      if (!result.savedAs) return;
      onAnnounce(
        `Case summary saved as ${result.savedAs}: ${result.pageCount} pages, ${result.exhibitCount} exhibits listed.`,
      );
    },
  });

  async function showPreview(): Promise<void> {
    const result = await summary.mutateAsync();
    setPreview(result.data);
  }

  const problem = summary.error ?? savedSummary.error ?? bundle.error;
  const isBusy = summary.isPending || savedSummary.isPending || bundle.isPending;

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Export for attorney"
      size="wide"
      description="A case summary PDF (chronology, calls, deadlines, exhibit index) and a ZIP of numbered, Bates-stamped exhibits."
    >
      {choices.isPending && <p className={styles.status}>Reading the case…</p>}
      {choices.data && (
        <form
          className={formStyles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void showPreview();
          }}
        >
          <Field label="Attorney" optional hint="Shown on the cover page.">
            {(ids) => (
              <input
                {...ids}
                className={inputClassName}
                value={attorneyName}
                onChange={(event) => setAttorneyName(event.target.value)}
              />
            )}
          </Field>
          <fieldset className={formStyles.fieldset}>
            <legend className={formStyles.legend}>Events in the chronology</legend>
            <div className={styles.columns}>
              {choices.data.eventTypeCounts.map(({ type, count }) => (
                <label key={type} className={styles.choice}>
                  <input
                    type="checkbox"
                    checked={!excludedTypes.includes(type)}
                    onChange={(event) => setExcludedTypes(toggle(excludedTypes, type, !event.target.checked))}
                  />
                  {timelineEventTypeLabels[type]} ({count})
                </label>
              ))}
            </div>
            <div className={formStyles.row}>
              <Field label="From" optional>
                {(ids) => (
                  <input
                    {...ids}
                    type="date"
                    className={inputClassName}
                    value={from}
                    onChange={(event) => setFrom(event.target.value)}
                  />
                )}
              </Field>
              <Field label="To" optional>
                {(ids) => (
                  <input
                    {...ids}
                    type="date"
                    className={inputClassName}
                    value={to}
                    onChange={(event) => setTo(event.target.value)}
                  />
                )}
              </Field>
            </div>
          </fieldset>
          <fieldset className={formStyles.fieldset}>
            <legend className={formStyles.legend}>Exhibits ({chosenDocuments.length})</legend>
            {choices.data.documents.length === 0 ? (
              <p className={styles.status}>
                No documents are filed to this case. Add them in the Documents tab.
              </p>
            ) : (
              <div className={styles.documents}>
                {choices.data.documents.map((document) => (
                  <label key={document.id} className={styles.choice}>
                    <input
                      type="checkbox"
                      checked={isChosen(document)}
                      onChange={(event) =>
                        setDocumentChoices(new Map(documentChoices).set(document.id, event.target.checked))
                      }
                    />
                    {document.title}
                    {document.documentType === 'letter' ? '' : ` · ${document.fileName}`}
                    {document.isPreselected ? '' : ' · draft, never marked sent'}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          <fieldset className={formStyles.fieldset}>
            <legend className={formStyles.legend}>Redact</legend>
            <div className={styles.columns}>
              {redactableFields.map((field) => (
                <label key={field} className={styles.choice}>
                  <input
                    type="checkbox"
                    checked={redact.includes(field)}
                    onChange={(event) => setRedact(toggle(redact, field, event.target.checked))}
                  />
                  {redactableFieldLabels[field]}
                </label>
              ))}
            </div>
            <p className={styles.status}>
              Redaction applies to the summary, file names, and every letter and submission packet Advocase
              made, which go into the bundle made again without those fields. Documents that came from outside
              (records, denials, scans) go as filed and are marked not redacted: leave out any that should not
              go.
            </p>
          </fieldset>
          <div className={formStyles.row}>
            <Field label="Bates prefix" hint="Pages are numbered PREFIX-000001 onwards, across exhibits.">
              {(ids) => (
                <input
                  {...ids}
                  className={inputClassName}
                  value={batesPrefix}
                  onChange={(event) => setBatesPrefix(event.target.value)}
                />
              )}
            </Field>
            <div>
              <label className={styles.choice}>
                <input
                  type="checkbox"
                  checked={isEncrypted}
                  onChange={(event) => setIsEncrypted(event.target.checked)}
                />
                Encrypt the ZIP (AES-256)
              </label>
              {isEncrypted && (
                <Field
                  label="ZIP password"
                  hint="At least 12 characters. Give it to the attorney by phone, not by email."
                >
                  {(ids) => (
                    <input
                      {...ids}
                      type="password"
                      autoComplete="new-password"
                      className={inputClassName}
                      value={password}
                      onChange={(event) => setPassword(event.target.value)}
                    />
                  )}
                </Field>
              )}
            </div>
          </div>
          <p className={styles.warning} role="note">
            The files you save are not encrypted
            {isEncrypted ? ' (the ZIP is, if opened with 7-Zip or WinZip)' : ''}: they contain health
            information. Save them only where you mean to, and send them to the attorney by a secure route.
          </p>
          {problem && (
            <p className={styles.error} role="alert">
              {problem.message}
            </p>
          )}
          <div className={formStyles.actions}>
            <Button type="submit" disabled={isBusy}>
              Preview summary
            </Button>
            <Button disabled={isBusy} onClick={() => savedSummary.mutate()}>
              Save summary PDF
            </Button>
            <Button variant="primary" disabled={isBusy} onClick={() => bundle.mutate()}>
              {bundle.isPending ? 'Building the bundle…' : 'Save exhibit bundle (ZIP)'}
            </Button>
          </div>
          {preview && (
            <section className={styles.preview} aria-label="Summary preview">
              <PdfViewer data={preview} />
            </section>
          )}
        </form>
      )}
    </Dialog>
  );
}
