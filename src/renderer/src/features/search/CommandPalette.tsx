import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { SearchKind, SearchResult, SnippetSegment } from '@shared/schemas/search';
import { withDatesFormatted } from '@shared/domain/dates-in-text';
import { callApi } from '../../lib/api';
import { formatCalendarDate } from '../../lib/format-date';
import { navigate, useRoute, type Route } from '../../app/routes';
import { DeleteRecordDialog, type DeleteTarget } from '../history/DeleteRecordDialog';
import { TrashDialog } from '../history/TrashDialog';
import { useUndoLastEdit } from '../history/use-undo';
import { openImportDialog } from '../import/open-import-dialog';
import { DocumentPreviewDialog } from '../vault/DocumentPreviewDialog';
import { queryClient } from '../../app/query-client';
import styles from './CommandPalette.module.css';
import { queryKeys } from '../../lib/query-keys';
import { useCanEditRecords } from '../team/use-team-connection';

const kindWords: Readonly<Record<SearchKind | 'command', string>> = {
  client: 'Client',
  case: 'Case',
  event: 'Timeline',
  document: 'Document',
  command: 'Action',
};

type PaletteOption = {
  readonly key: string;
  readonly kind: SearchKind | 'command';
  readonly title: string;
  readonly subtitle: string | null;
  readonly snippet: readonly SnippetSegment[];
  readonly run: () => void;
};

type PaletteGroup = {
  readonly label: string;
  readonly options: readonly PaletteOption[];
  readonly hasMore: boolean;
};

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

function Snippet({ segments }: { readonly segments: readonly SnippetSegment[] }) {
  return (
    <span className={styles.snippet}>
      {segments.map((segment, index) =>
        segment.isMatch ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </span>
  );
}

/**
 * Global search and commands, opened with Ctrl/Cmd+K anywhere. A native <dialog> with a combobox
 * and a listbox (WAI-ARIA combobox pattern): arrows move, Enter opens, Escape closes. Not cmdk:
 * it brings Radix's dialog, whose scroll lock injects a <style> tag the app's CSP refuses.
 */
export function CommandPalette({ onAnnounce }: { readonly onAnnounce: (message: string) => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const route = useRoute();
  const [isOpen, setIsOpen] = useState(false);
  // Every action here changes records (undo, trash, import, delete): a team's viewer searches only.
  const canEdit = useCanEditRecords();
  const [text, setText] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [isTrashOpen, setIsTrashOpen] = useState(false);
  const [deleteTarget, setDeleteTarget] = useState<DeleteTarget | null>(null);
  const [preview, setPreview] = useState<{ readonly documentId: number; readonly caseId: number } | null>(
    null,
  );
  const undoLastEdit = useUndoLastEdit(onAnnounce);
  const typed = useDebounced(text.trim(), 120);

  const search = useQuery({
    queryKey: queryKeys.search.global(typed),
    queryFn: () => callApi('search.global', { text: typed }),
    enabled: isOpen && typed.length > 0,
    placeholderData: keepPreviousData,
  });
  const contextRecord = useQuery({
    queryKey: queryKeys.search.paletteContext(route),
    queryFn: async (): Promise<DeleteTarget | null> => {
      if (route.name === 'case') {
        const found = await callApi('cases.get', { caseId: route.caseId });
        return { kind: 'case', caseId: found.id, name: `${found.caseNumber} (${found.clientName})` };
      }
      if (route.name === 'client') {
        const found = await callApi('clients.get', { clientId: route.clientId });
        return { kind: 'client', clientId: found.client.id, name: found.client.fullName };
      }
      return null;
    },
    enabled: isOpen && (route.name === 'case' || route.name === 'client'),
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        // Follow the dialog itself, not state: after Escape, state turns false only when the
        // close event arrives, and a quick Ctrl+K must open, not toggle that stale value.
        const dialog = dialogRef.current;
        if (dialog?.open) {
          setIsOpen(false);
        } else {
          dialog?.showModal();
          setIsOpen(true);
        }
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  const close = () => setIsOpen(false);
  const go = (to: Route) => {
    close();
    navigate(to);
  };

  const groups = useMemo((): PaletteGroup[] => {
    const context = route.name === 'case' || route.name === 'client' ? contextRecord.data : null;
    const commands: PaletteOption[] = (
      !canEdit
        ? []
        : [
            { title: 'Undo last edit', subtitle: 'Ctrl+Z', run: undoLastEdit },
            {
              title: 'Open trash',
              subtitle: 'Restore what was deleted in the last 30 days',
              run: () => setIsTrashOpen(true),
            },
            {
              title: 'Import from CSV…',
              subtitle: 'Clients, coverage and cases from a spreadsheet',
              run: openImportDialog,
            },
            ...(context
              ? [
                  {
                    title: `Delete ${context.kind} ${context.name}…`,
                    subtitle: 'Moves it to the trash, after you confirm',
                    run: () => setDeleteTarget(context),
                  },
                ]
              : []),
          ]
    ).map((command) => ({
      ...command,
      key: `command:${command.title}`,
      kind: 'command' as const,
      snippet: [],
      run: () => {
        close();
        command.run();
      },
    }));
    const needle = text.trim().toLowerCase();
    const matchingCommands = commands.filter(
      (command) => !needle || command.title.toLowerCase().includes(needle),
    );
    const resultGroups = needle
      ? (search.data?.groups ?? []).map((group) => ({
          label: group.label,
          hasMore: group.hasMore,
          options: group.results.map((result: SearchResult) => ({
            key: `${result.kind}:${result.id}`,
            kind: result.kind,
            title: result.title,
            // The core writes dates as YYYY-MM-DD (a timeline entry's day, a birth date).
            subtitle: result.subtitle && withDatesFormatted(result.subtitle, formatCalendarDate),
            snippet: result.snippet,
            run: () => {
              go(result.target);
              // A document opens in its preview, on its case's Documents tab: Enter reads it at once.
              if (result.kind === 'document' && result.target.name === 'case')
                setPreview({ documentId: result.id, caseId: result.target.caseId });
            },
          })),
        }))
      : [];
    return [
      ...resultGroups,
      ...(matchingCommands.length > 0
        ? [{ label: 'Actions', options: matchingCommands, hasMore: false }]
        : []),
    ];
    // go and close only set state and navigate; they need not re-run this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search.data, text, route, contextRecord.data, undoLastEdit, canEdit]);

  const options = groups.flatMap((group) => group.options);
  const active = Math.min(activeIndex, Math.max(options.length - 1, 0));
  const optionId = (index: number) => `${listId}-option-${index}`;

  function onInputKeyDown(event: ReactKeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = (active + step + options.length) % options.length;
      setActiveIndex(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Home' && event.ctrlKey) {
      setActiveIndex(0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      options[active]?.run();
    }
  }

  const isWaiting = text.trim() !== typed || search.isFetching;
  const status =
    text.trim().length === 1
      ? 'Type at least two letters to search.'
      : search.isError
        ? search.error.message
        : text.trim() && !isWaiting && search.data && search.data.groups.length === 0
          ? `Nothing found for “${text.trim()}”. Try a name, member ID or reference number.`
          : null;

  let index = -1;
  return (
    <>
      <dialog
        ref={dialogRef}
        className={styles.palette}
        aria-label="Search and actions"
        onClose={() => {
          // A close event that arrives after the palette was opened again is stale.
          if (dialogRef.current?.open) return;
          setIsOpen(false);
          setText('');
          setActiveIndex(0);
        }}
      >
        {isOpen && (
          <div className={styles.body}>
            <div className={styles.inputRow}>
              <Search aria-hidden size={18} className={styles.searchIcon} />
              <input
                className={styles.input}
                role="combobox"
                aria-label="Search clients, cases and timeline"
                aria-expanded={options.length > 0}
                aria-controls={listId}
                aria-autocomplete="list"
                aria-activedescendant={options.length > 0 ? optionId(active) : undefined}
                placeholder="Name, member ID, reference number, rep name…"
                value={text}
                onChange={(event) => {
                  setText(event.target.value);
                  setActiveIndex(0);
                }}
                onKeyDown={onInputKeyDown}
                autoFocus
                spellCheck={false}
                autoComplete="off"
              />
              <kbd className={styles.hint}>Esc</kbd>
            </div>
            <div id={listId} role="listbox" aria-label="Results" className={styles.list}>
              {groups.map((group) => (
                <div key={group.label} role="group" aria-label={group.label} className={styles.group}>
                  <div className={styles.groupLabel} aria-hidden>
                    {group.label}
                  </div>
                  {group.options.map((option) => {
                    index += 1;
                    const optionIndex = index;
                    return (
                      <div
                        key={option.key}
                        id={optionId(optionIndex)}
                        role="option"
                        aria-selected={optionIndex === active}
                        className={styles.option}
                        onMouseMove={() => setActiveIndex(optionIndex)}
                        onClick={option.run}
                      >
                        <span className={styles.kind}>{kindWords[option.kind]}</span>
                        <span className={styles.main}>
                          <span className={styles.title}>{option.title}</span>
                          {option.subtitle && <span className={styles.subtitle}>{option.subtitle}</span>}
                          {option.snippet.length > 0 && <Snippet segments={option.snippet} />}
                        </span>
                      </div>
                    );
                  })}
                  {group.hasMore && (
                    <div className={styles.more}>More matches: type more to narrow them.</div>
                  )}
                </div>
              ))}
            </div>
            <p className={styles.status} role="status">
              {status}
            </p>
          </div>
        )}
      </dialog>
      {preview && (
        <DocumentPreviewDialog
          documentId={preview.documentId}
          caseId={preview.caseId}
          onClose={() => setPreview(null)}
          onChanged={() => queryClient.invalidateQueries({ queryKey: queryKeys.vault.all })}
        />
      )}
      <TrashDialog open={isTrashOpen} onOpenChange={setIsTrashOpen} onAnnounce={onAnnounce} />
      <DeleteRecordDialog
        target={deleteTarget}
        onClose={() => setDeleteTarget(null)}
        onDeleted={(message) => {
          onAnnounce(message);
          navigate({ name: 'caseload' });
        }}
      />
    </>
  );
}
