import type { HandlersOf } from '../../../shared/contract/index';
import { clinicalSourcesOf } from '../../letters/clinical-sources';
import {
  deleteLetterTemplate,
  describePlaceholders,
  duplicateLetterTemplate,
  exportLetterTemplate,
  getLetterTemplate,
  importLetterTemplate,
  listLetterTemplates,
  saveLetterTemplate,
} from '../../letters/letter-templates-service';
import {
  createLetter,
  deleteLetter,
  getLetter,
  listLettersOfCase,
  updateLetter,
} from '../../letters/letters-service';
import type { HandlerContext } from './handler-context';

export function letterTemplatesHandlers({ session }: HandlerContext): HandlersOf<'letterTemplates'> {
  return {
    'letterTemplates.list': () => session.useStore(({ db }) => listLetterTemplates(db)),
    'letterTemplates.get': ({ templateId }) =>
      session.useStore(({ db }) => getLetterTemplate(db, templateId)),
    'letterTemplates.save': (input) =>
      session.useStore(({ db }) => saveLetterTemplate(db, session.actor, input)),
    'letterTemplates.duplicate': ({ templateId }) =>
      session.useStore(({ db }) => duplicateLetterTemplate(db, session.actor, templateId)),
    'letterTemplates.delete': async ({ templateId }) => {
      await session.useStore(({ db }) => deleteLetterTemplate(db, session.actor, templateId));
      return {};
    },
    'letterTemplates.import': ({ fileText }) =>
      session.useStore(({ db }) => importLetterTemplate(db, session.actor, fileText)),
    'letterTemplates.export': ({ templateId }) =>
      session.useStore(({ db }) => exportLetterTemplate(db, templateId)),
    'letterTemplates.placeholders': () => Promise.resolve(describePlaceholders()),
  };
}

/** The letters' own records; the exports (`letters.exportPdf`…) are in letters-output-handlers. */
export function lettersHandlers({
  session,
}: HandlerContext): Pick<
  HandlersOf<'letters'>,
  'letters.create' | 'letters.get' | 'letters.list' | 'letters.update' | 'letters.delete'
> {
  return {
    'letters.create': (input) =>
      session.useStore(({ db }) => createLetter(db, session.actor, input, clinicalSourcesOf(db))),
    'letters.get': ({ letterId }) => session.useStore(({ db }) => getLetter(db, letterId)),
    'letters.list': ({ caseId }) => session.useStore(({ db }) => listLettersOfCase(db, caseId)),
    'letters.update': ({ letterId, changes }) =>
      session.useStore(({ db }) => updateLetter(db, session.actor, letterId, changes)),
    'letters.delete': async ({ letterId }) => {
      await session.useStore(({ db }) => deleteLetter(db, session.actor, letterId));
      return {};
    },
  };
}
