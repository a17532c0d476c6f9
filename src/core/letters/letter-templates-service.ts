import type { Kysely } from 'kysely';
import type { LetterTemplate, LetterTemplateSummary, PlaceholderDoc } from '../../shared/schemas/letters';
import type { LetterKind } from '../../shared/domain/letter-kinds';
import { auditedDelete, auditedInsert, auditedUpdate } from '../db/audited-writes';
import type { AdvocaseDatabase } from '../db/schema';
import type { LetterTemplateRow } from '../db/tables/letters';
import { inTransaction } from '../db/in-transaction';
import { AppError } from '../errors';
import { assertTemplateBodyIsValid, placeholdersUsedIn } from './fill-letter-template';
import { letterPlaceholders } from './letter-placeholders';
import {
  parseLetterTemplateFile,
  writeLetterTemplateFile,
  type LetterTemplateFile,
} from './letter-template-file';
import { shippedLetterTemplates } from './shipped-letter-templates';

type Db = Kysely<AdvocaseDatabase>;

const shippedById = new Map(shippedLetterTemplates.map((template) => [template.id, template]));

function shippedTemplate(file: LetterTemplateFile): LetterTemplate {
  return { ...file, isShipped: true, updatedAt: null, placeholders: placeholdersUsedIn(file.body) };
}

function userTemplate(row: LetterTemplateRow): LetterTemplate {
  return {
    id: row.template_key,
    title: row.title,
    kind: row.kind,
    description: row.description,
    body: row.body,
    isShipped: false,
    updatedAt: row.updated_at,
    placeholders: placeholdersUsedIn(row.body),
  };
}

function summaryOf(template: LetterTemplate): LetterTemplateSummary {
  return {
    id: template.id,
    title: template.title,
    kind: template.kind,
    description: template.description,
    isShipped: template.isShipped,
    updatedAt: template.updatedAt,
  };
}

export async function listLetterTemplates(db: Db): Promise<LetterTemplateSummary[]> {
  const rows = await db.selectFrom('letter_templates').selectAll().orderBy('title').execute();
  return [...shippedLetterTemplates.map(shippedTemplate), ...rows.map(userTemplate)].map(summaryOf);
}

export async function getLetterTemplate(db: Db, templateId: string): Promise<LetterTemplate> {
  const shipped = shippedById.get(templateId);
  if (shipped) return shippedTemplate(shipped);
  const row = await db
    .selectFrom('letter_templates')
    .selectAll()
    .where('template_key', '=', templateId)
    .executeTakeFirst();
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      `There is no letter template "${templateId}". It may have been deleted.`,
      'templateId',
    );
  }
  return userTemplate(row);
}

async function isIdTaken(db: Db, templateId: string): Promise<boolean> {
  if (shippedById.has(templateId)) return true;
  const row = await db
    .selectFrom('letter_templates')
    .select('id')
    .where('template_key', '=', templateId)
    .executeTakeFirst();
  return row !== undefined;
}

/** `base`, or `base-2`, `base-3`… whichever is free: imports and copies never overwrite a template. */
async function freeId(db: Db, base: string): Promise<string> {
  if (!(await isIdTaken(db, base))) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!(await isIdTaken(db, candidate))) return candidate;
  }
}

async function insertUserTemplate(db: Db, actor: string, file: LetterTemplateFile): Promise<LetterTemplate> {
  assertTemplateBodyIsValid(file.body);
  const now = new Date().toISOString();
  return inTransaction(db, async (trx) => {
    const row = await auditedInsert(trx, actor, 'letter_templates', {
      template_key: file.id,
      title: file.title,
      kind: file.kind,
      description: file.description,
      body: file.body,
      created_at: now,
      updated_at: now,
    });
    return userTemplate(row);
  });
}

export type TemplateFields = {
  readonly title: string;
  readonly kind: LetterKind;
  readonly description: string;
  readonly body: string;
};

/** Adds a user template (with `newId`, or an id made from the title) or changes one. */
export async function saveLetterTemplate(
  db: Db,
  actor: string,
  input: TemplateFields & { readonly templateId?: string | undefined; readonly newId?: string | undefined },
): Promise<LetterTemplate> {
  const { templateId, newId, ...fields } = input;
  if (templateId === undefined) {
    const wanted = newId ?? slugOf(fields.title);
    if (newId !== undefined && (await isIdTaken(db, newId))) {
      throw new AppError(
        'INVALID_INPUT',
        `A template with id "${newId}" already exists. Choose another id.`,
        'newId',
      );
    }
    return insertUserTemplate(db, actor, { id: await freeId(db, wanted), ...fields });
  }
  if (shippedById.has(templateId)) {
    throw new AppError(
      'INVALID_INPUT',
      'Templates that come with Advocase cannot be changed. Duplicate it and edit the copy.',
      'templateId',
    );
  }
  assertTemplateBodyIsValid(fields.body);
  const existing = await db
    .selectFrom('letter_templates')
    .select('id')
    .where('template_key', '=', templateId)
    .executeTakeFirst();
  if (!existing) {
    throw new AppError(
      'NOT_FOUND',
      `There is no letter template "${templateId}". It may have been deleted.`,
      'templateId',
    );
  }
  const row = await auditedUpdate(
    db,
    actor,
    'letter_templates',
    existing.id,
    fields,
    'That template was deleted.',
  );
  return userTemplate(row);
}

function slugOf(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'my-template';
}

export async function duplicateLetterTemplate(
  db: Db,
  actor: string,
  templateId: string,
): Promise<LetterTemplate> {
  const source = await getLetterTemplate(db, templateId);
  return insertUserTemplate(db, actor, {
    id: await freeId(db, `${source.id}-copy`),
    title: `${source.title} (copy)`,
    kind: source.kind,
    description: source.description,
    body: source.body,
  });
}

export async function deleteLetterTemplate(db: Db, actor: string, templateId: string): Promise<void> {
  if (shippedById.has(templateId)) {
    throw new AppError('INVALID_INPUT', 'Templates that come with Advocase cannot be deleted.', 'templateId');
  }
  const row = await db
    .selectFrom('letter_templates')
    .selectAll()
    .where('template_key', '=', templateId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `There is no letter template "${templateId}".`, 'templateId');
  // The template's history stays in the audit log: entries are blanked only by the confirmed
  // purge of a client or case (docs/security.md §5), which no template method may trigger.
  await auditedDelete(db, actor, 'letter_templates', row.id, null);
}

/** Adds the template in a .md file; an id already in use gets a suffix rather than overwriting. */
export async function importLetterTemplate(db: Db, actor: string, fileText: string): Promise<LetterTemplate> {
  const file = parseLetterTemplateFile(fileText);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(file.id) || file.id.length > 80) {
    throw new AppError(
      'INVALID_INPUT',
      `The template id "${file.id}" must be lower-case letters and digits joined by hyphens (at most 80 characters).`,
      'fileText',
    );
  }
  try {
    assertTemplateBodyIsValid(file.body);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.message, 'fileText');
    throw error;
  }
  return insertUserTemplate(db, actor, { ...file, id: await freeId(db, file.id) });
}

export async function exportLetterTemplate(
  db: Db,
  templateId: string,
): Promise<{ fileName: string; text: string }> {
  const template = await getLetterTemplate(db, templateId);
  return { fileName: `${template.id}.md`, text: writeLetterTemplateFile(template) };
}

export function describePlaceholders(): PlaceholderDoc[] {
  return letterPlaceholders.map(({ name, filledFrom, isBlock, whenMissing }) => ({
    name,
    filledFrom,
    isBlock,
    whenMissing,
  }));
}
