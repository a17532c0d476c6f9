import { useQuery } from '@tanstack/react-query';
import { Lock, Plus, Settings as SettingsIcon, ShieldCheck } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '../components/Button';
import { AgendaView } from '../features/agenda/AgendaView';
import { ReminderBanner } from '../features/agenda/ReminderBanner';
import { CaseloadView } from '../features/caseload/CaseloadView';
import { CasePage } from '../features/cases/CasePage';
import { NewCaseDialog } from '../features/cases/NewCaseDialog';
import { ClientPage } from '../features/clients/ClientPage';
import { CriteriaLibraryPage } from '../features/criteria/CriteriaLibraryPage';
import { PlanComparisonPage } from '../features/costs/PlanComparisonPage';
import { ParallelTracksBoard } from '../features/funding/ParallelTracksBoard';
import { UndoLastEditButton } from '../features/history/UndoLastEditButton';
import { useUndoShortcut } from '../features/history/use-undo';
import { ImportButton } from '../features/import/ImportButton';
import { LetterPage } from '../features/letters/LetterPage';
import { LetterTemplatesPage } from '../features/letters/LetterTemplatesPage';
import { OutcomesView } from '../features/outcomes/OutcomesView';
import { TeamPage } from '../features/team/TeamPage';
import { canEditRecords, canSeeTeamPage, useTeamConnection } from '../features/team/use-team-connection';
import { CommandPalette } from '../features/search/CommandPalette';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { ReadOnlyNotice } from '../features/team/ReadOnlyNotice';
import { StoreBadge } from '../features/team/StoreBadge';
import { ResourcesPage } from '../features/resources/ResourcesPage';
import { FailedUnlocksNotice } from '../features/session/FailedUnlocksNotice';
import { LongRunningTimerCheck } from '../features/time/LongRunningTimerCheck';
import { callApi } from '../lib/api';
import { isTypingInField } from '../lib/keyboard';
import { useIdleLock } from './use-idle-lock';
import { useLiveChanges } from './use-live-changes';
import { TeamDatabaseAwayBanner } from './TeamDatabaseAwayBanner';
import { focusPageHeading, useFocusHeadingOnNavigate } from './page-focus';
import { hrefFor, useRoute } from './routes';
import { useLock } from './use-session';
import type { Announce } from './announce';
import styles from './Workspace.module.css';
import { queryKeys } from '../lib/query-keys';

export function Workspace() {
  const lock = useLock();
  const route = useRoute();
  const teamConnection = useTeamConnection().data;
  const canEdit = canEditRecords(teamConnection);
  const settings = useQuery({
    queryKey: queryKeys.settings.current,
    queryFn: () => callApi('settings.get', {}),
  });
  const [isNewCaseOpen, setIsNewCaseOpen] = useState(false);
  const [isSettingsOpen, setIsSettingsOpen] = useState(false);
  // The toast offers Undo only after an edit that Undo can revert (not after settings or an undo).
  const [toast, setToast] = useState<{ readonly message: string; readonly isUndoable: boolean } | null>(null);
  const announceEdit = useCallback<Announce>(
    (message, options) => setToast({ message, isUndoable: options?.isUndoable ?? true }),
    [],
  );
  const announceInfo = useCallback((message: string) => setToast({ message, isUndoable: false }), []);
  const lockNow = useCallback(() => lock.mutate(), [lock]);

  useIdleLock(settings.data?.autoLockMinutes, lockNow);
  useLiveChanges();
  useFocusHeadingOnNavigate(route);
  useUndoShortcut(announceInfo);

  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => setToast(null), toast.isUndoable ? 10_000 : 6000);
    return () => window.clearTimeout(timer);
  }, [toast]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        lockNow();
      } else if (
        canEdit &&
        event.key === 'n' &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !isTypingInField(event)
      ) {
        event.preventDefault();
        setIsNewCaseOpen(true);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [lockNow, canEdit]);

  return (
    <div className={styles.shell}>
      {/* The first Tab stop: past the header's links and buttons to the page itself (WCAG 2.4.1). */}
      <a
        className={styles.skipLink}
        href="#main-content"
        onClick={(event) => {
          // The URL fragment is the route here: move focus without navigating.
          event.preventDefault();
          focusPageHeading({ orMain: true });
        }}
      >
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.identity}>
          <p className={styles.brand}>
            <ShieldCheck aria-hidden size={20} /> Advocase
          </p>
          <StoreBadge />
        </div>
        <nav aria-label="Main" className={styles.nav}>
          <a
            className={styles.navItem}
            aria-current={route.name === 'caseload' ? 'page' : undefined}
            href={hrefFor({ name: 'caseload' })}
          >
            Caseload
          </a>
          <a
            className={styles.navItem}
            aria-current={route.name === 'agenda' ? 'page' : undefined}
            href={hrefFor({ name: 'agenda' })}
          >
            Agenda
          </a>
          <a
            className={styles.navItem}
            aria-current={route.name === 'criteria' ? 'page' : undefined}
            href={hrefFor({ name: 'criteria', section: 'sets' })}
          >
            Criteria
          </a>
          <a
            className={styles.navItem}
            aria-current={route.name === 'letterTemplates' ? 'page' : undefined}
            href={hrefFor({ name: 'letterTemplates' })}
          >
            Letter templates
          </a>
          <a
            className={styles.navItem}
            aria-current={route.name === 'resources' ? 'page' : undefined}
            href={hrefFor({ name: 'resources' })}
          >
            Resources
          </a>
          <a
            className={styles.navItem}
            aria-current={route.name === 'outcomes' ? 'page' : undefined}
            href={hrefFor({ name: 'outcomes' })}
          >
            Outcomes
          </a>
          {canSeeTeamPage(teamConnection) && (
            <a
              className={styles.navItem}
              aria-current={route.name === 'team' ? 'page' : undefined}
              href={hrefFor({ name: 'team' })}
            >
              Team
            </a>
          )}
        </nav>
        <div className={styles.headerActions}>
          {canEdit && (
            <>
              <Button variant="primary" onClick={() => setIsNewCaseOpen(true)} aria-keyshortcuts="N">
                <Plus aria-hidden size={16} /> New case
              </Button>
              <ImportButton onImported={announceEdit} />
            </>
          )}
          <Button variant="quiet" onClick={() => setIsSettingsOpen(true)} aria-label="Settings">
            <SettingsIcon aria-hidden size={18} />
          </Button>
          <Button variant="secondary" onClick={lockNow} aria-keyshortcuts="Control+L" title="Lock (Ctrl+L)">
            <Lock aria-hidden size={16} /> Lock
          </Button>
        </div>
      </header>
      <TeamDatabaseAwayBanner />
      <main id="main-content" className={styles.main}>
        <FailedUnlocksNotice />
        <ReadOnlyNotice />
        <ReminderBanner route={route} />
        {route.name === 'case' ? (
          <CasePage key={route.caseId} caseId={route.caseId} tab={route.tab} onAnnounce={announceEdit} />
        ) : route.name === 'client' ? (
          <ClientPage key={route.clientId} clientId={route.clientId} onAnnounce={announceEdit} />
        ) : route.name === 'plans' ? (
          <PlanComparisonPage key={route.clientId} clientId={route.clientId} onAnnounce={announceEdit} />
        ) : route.name === 'agenda' ? (
          <AgendaView onAnnounce={announceEdit} />
        ) : route.name === 'criteria' ? (
          <CriteriaLibraryPage section={route.section} onAnnounce={announceInfo} />
        ) : route.name === 'letter' ? (
          <LetterPage key={route.letterId} letterId={route.letterId} onAnnounce={announceInfo} />
        ) : route.name === 'letterTemplates' ? (
          <LetterTemplatesPage onAnnounce={announceInfo} />
        ) : route.name === 'tracks' ? (
          <ParallelTracksBoard key={route.clientId} clientId={route.clientId} onAnnounce={announceEdit} />
        ) : route.name === 'resources' ? (
          <ResourcesPage onAnnounce={announceEdit} />
        ) : route.name === 'outcomes' ? (
          <OutcomesView onAnnounce={announceInfo} />
        ) : route.name === 'team' ? (
          <TeamPage onAnnounce={announceInfo} />
        ) : (
          <CaseloadView onNewCase={() => setIsNewCaseOpen(true)} onAnnounce={announceEdit} />
        )}
      </main>
      <div className={styles.toast} hidden={!toast}>
        <p role="status" aria-live="polite">
          {toast?.message}
        </p>
        {toast?.isUndoable && <UndoLastEditButton onAnnounce={announceInfo} />}
      </div>
      {canEdit && (
        <NewCaseDialog open={isNewCaseOpen} onOpenChange={setIsNewCaseOpen} onCreated={announceEdit} />
      )}
      <SettingsDialog open={isSettingsOpen} onOpenChange={setIsSettingsOpen} onSaved={announceInfo} />
      <CommandPalette onAnnounce={announceInfo} />
      <LongRunningTimerCheck onAnnounce={announceEdit} />
    </div>
  );
}
