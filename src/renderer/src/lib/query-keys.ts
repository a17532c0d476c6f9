import type { Namespace } from '@shared/contract/namespaces';
import type { CaseloadViewDefinition } from '@shared/schemas/caseload';
import type { OutcomesFilters } from '@shared/schemas/outcomes';
import type { ResourceKind } from '@shared/domain/resource-kinds';
import type { TimelineEventType } from '@shared/domain/timeline-event-types';
import type { Route } from '../app/routes';

/** A key of namespace N: it starts with N, so invalidating `[N]` refreshes everything the namespace fetched. */
type KeyOf<N extends Namespace> = readonly [N, ...unknown[]];
type KeysOf<N extends Namespace> = {
  readonly all: readonly [N];
  readonly [family: string]: KeyOf<N> | ((...args: never[]) => KeyOf<N>);
};

/**
 * Every React Query key, one factory per namespace of the contract (shared/contract/namespaces.ts): a
 * namespace left out does not compile. A key's prefix says what a change refreshes: invalidating a
 * family (e.g. `deadlines.agenda`) refreshes every query under it; `all` refreshes the namespace.
 * Some queries read a neighbour's method but sit under the data they belong to (a client's symptom
 * scores with their treatment history; an evidence checklist's clinical facts with the checklist),
 * so the same refresh covers both.
 */
export const queryKeys = {
  session: {
    all: ['session'],
    // The status is the namespace's root: `forgetCachedRecords` keeps what starts with it.
    status: ['session'],
    /** Wrong passphrases before this unlock, for the notice; under the session's key, so kept with it. */
    failedUnlocks: ['session', 'failedUnlocks'],
    /** Whether the recovery key shown last waits for "I have saved it"; kept with the session too. */
    recoveryKeyConfirmation: ['session', 'recoveryKeyConfirmation'],
  },
  settings: { all: ['settings'], current: ['settings'] },
  clients: {
    all: ['clients'],
    list: ['clients', 'list'],
    details: ['clients', 'detail'],
    detail: (clientId: number) => ['clients', 'detail', clientId],
  },
  cases: {
    all: ['cases'],
    detail: (caseId: number) => ['cases', caseId],
  },
  caseload: {
    all: ['caseload'],
    /** What changes with any case: the rows of every view and the filter choices. */
    ofCases: ['caseload', 'cases'],
    page: (definition: CaseloadViewDefinition, page: number) => ['caseload', 'cases', definition, page],
    filterOptions: ['caseload', 'cases', 'filter-options'],
    preferences: ['caseload', 'preferences'],
    views: ['caseload', 'views'],
    /** Where the user was (view, filters, sort), kept in the cache while a case is open. */
    viewState: ['caseload', 'view-state'],
    /** The row the user last opened, so the table scrolls back to it. */
    lastOpened: ['caseload', 'last-opened'],
  },
  coverages: {
    all: ['coverages'],
    histories: ['coverages', 'history'],
    history: (coverageId: number) => ['coverages', 'history', coverageId],
    networks: (coverageId: number) => ['coverages', 'networks', coverageId],
  },
  providers: { all: ['providers'], list: ['providers'] },
  events: {
    all: ['events'],
    ofCase: (caseId: number) => ['events', caseId],
    latestDecision: (caseId: number) => ['events', caseId, 'latest-decision'],
    timeline: (
      caseId: number,
      order: 'newest_first' | 'oldest_first',
      types: readonly TimelineEventType[],
      text: string,
    ) => ['events', caseId, order, types, text],
    newestForDeadlines: (caseId: number) => ['events', caseId, 'newest-for-deadlines'],
    evidencePicker: (caseId: number) => ['events', caseId, 'evidence-picker'],
    forDocumentPreview: (caseId: number) => ['events', 'list', caseId],
  },
  tasks: {
    all: ['tasks'],
    ofCase: (caseId: number) => ['tasks', caseId],
  },
  verification: {
    all: ['verification'],
    script: ['verification', 'script'],
  },
  search: {
    all: ['search'],
    global: (text: string) => ['search', 'global', text],
    paletteContext: (route: Route) => ['search', 'palette-context', route],
  },
  deadlines: {
    all: ['deadlines'],
    agenda: ['deadlines', 'agenda'],
    reminders: ['deadlines', 'reminders'],
    reminderSummary: (routeName: Route['name']) => ['deadlines', 'reminders', 'summary', routeName],
    reminderSettings: ['deadlines', 'reminders', 'settings'],
    ofCase: (caseId: number) => ['deadlines', 'case', caseId],
  },
  history: { all: ['history'] },
  trash: { all: ['trash'], list: ['trash'] },
  import: { all: ['import'], progress: ['import', 'progress'] },
  vault: {
    all: ['vault'],
    list: (caseId: number, view: 'documents' | 'trash' = 'documents') => ['vault', 'list', caseId, view],
    search: (caseId: number, text: string) => ['vault', 'search', caseId, text],
    get: (documentId: number) => ['vault', 'get', documentId],
    preview: (documentId: number) => ['vault', 'preview', documentId],
    recognitionProgress: (documentId: number) => ['vault', 'recognitionProgress', documentId],
  },
  exports: {
    all: ['exports'],
    choices: (caseId: number) => ['exports', 'choices', caseId],
  },
  treatmentHistory: {
    all: ['treatmentHistory'],
    ofClient: (clientId: number) => ['treatmentHistory', clientId],
    symptomScores: (clientId: number) => ['treatmentHistory', clientId, 'scores'],
  },
  symptomScores: { all: ['symptomScores'] },
  evidence: {
    all: ['evidence'],
    ofCase: (caseId: number) => ['evidence', caseId],
    clinicalFacts: (caseId: number) => ['evidence', caseId, 'facts'],
  },
  clinicalFacts: { all: ['clinicalFacts'] },
  criteria: {
    all: ['criteria'],
    ofCase: (caseId: number) => ['criteria', 'case', caseId],
    sets: ['criteria', 'sets'],
    evidencePacks: ['criteria', 'evidence-packs'],
  },
  evidencePacks: { all: ['evidencePacks'] },
  letterTemplates: {
    all: ['letterTemplates'],
    list: ['letterTemplates'],
    template: (templateId: string) => ['letterTemplates', templateId],
    placeholders: ['letterTemplates', 'placeholders'],
  },
  letters: {
    all: ['letters'],
    ofCase: (caseId: number) => ['letters', 'case', caseId],
    letter: (letterId: number) => ['letters', 'letter', letterId],
  },
  costs: {
    all: ['costs'],
    estimate: (caseId: number) => ['costs', 'estimate', caseId],
  },
  plans: {
    all: ['plans'],
    comparison: (clientId: number) => ['plans', 'comparison', clientId],
  },
  funding: {
    all: ['funding'],
    ofCase: (caseId: number) => ['funding', caseId],
  },
  tracks: {
    all: ['tracks'],
    ofClient: (clientId: number) => ['tracks', clientId],
  },
  time: {
    all: ['time'],
    running: ['time', 'running'],
    ofCase: (caseId: number) => ['time', 'case', caseId],
  },
  billing: {
    all: ['billing'],
    settings: ['billing', 'settings'],
    ofClient: (clientId: number) => ['billing', 'client', clientId],
  },
  invoices: {
    all: ['invoices'],
    ofClient: (clientId: number) => ['invoices', clientId],
    candidates: ['invoices', 'candidates'],
    preview: (clientId: number, from: string, to: string) => ['invoices', 'preview', clientId, from, to],
  },
  resources: {
    all: ['resources'],
    list: (text: string, kind: ResourceKind | '' = '', state = '') => [
      'resources',
      'list',
      text,
      kind,
      state,
    ],
    ofCase: (caseId: number) => ['resources', 'case', caseId],
  },
  outcomes: {
    all: ['outcomes'],
    report: (filters: OutcomesFilters | null) => ['outcomes', filters],
  },
  profile: { all: ['profile'], current: ['profile'] },
  audit: { all: ['audit'] },
  backup: {
    all: ['backup'],
    status: ['backup', 'status'],
    restoreList: ['backup', 'restore-list'],
    progress: ['backup', 'progress'],
  },
  denials: {
    all: ['denials'],
    ofCase: (caseId: number) => ['denials', 'case', caseId],
    read: (documentId: number, caseId: number) => ['denials', 'read', documentId, caseId],
    progress: (documentId: number) => ['denials', 'progress', documentId],
  },
  // Nothing is cached under it: the live loop (app/use-live-changes.ts) holds its own cursor.
  live: { all: ['live'] },
  team: {
    all: ['team'],
    /** Which store is open: the title, the header badge and Settings → Team read it. */
    connection: ['team', 'connection'],
  },
  assignments: {
    all: ['assignments'],
    members: ['assignments', 'members'],
    ofCase: (caseId: number) => ['assignments', 'case', caseId],
  },
  teamViews: { all: ['teamViews'], overview: ['teamViews', 'overview'] },
} as const satisfies { readonly [N in Namespace]: KeysOf<N> };
