/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen history, typed against no schema (Kysely's guidance) */
import { sql, type Kysely } from 'kysely';

/**
 * Drafts made before this migration froze the day they were drafted and the signer as it was then,
 * often "[your name — not recorded]" because the profile was filled in later. Unsent drafts get
 * the markers new drafts carry, so the next print fills them from the profile and the day:
 * the signer prompt, and a first paragraph that is only a written-out date ("March 2, 2026").
 * Letters marked sent are left exactly as they went. The marker texts are written out here, as
 * they were on the day this shipped (frozen history).
 */
const signerPrompt = '[your name — not recorded]';
const signerMarker = '[your name — from your profile when printed]';
const dateMarker = '[date — filled in when printed]';
const writtenDate =
  /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$/;

type Run = { text: string; bold?: boolean; italic?: boolean };
type Block = { type: string; runs?: Run[]; items?: Run[][] };

function withMarkers(body: { blocks: Block[] }): { blocks: Block[] } {
  const replaceRuns = (runs: Run[]) =>
    runs.map((run) => ({ ...run, text: run.text.split(signerPrompt).join(signerMarker) }));
  const blocks = body.blocks.map((block) =>
    block.runs
      ? { ...block, runs: replaceRuns(block.runs) }
      : { ...block, items: (block.items ?? []).map(replaceRuns) },
  );
  const first = blocks[0];
  if (
    first?.type === 'paragraph' &&
    first.runs?.length === 1 &&
    writtenDate.test(first.runs[0]!.text.trim())
  ) {
    blocks[0] = { ...first, runs: [{ ...first.runs[0]!, text: dateMarker }] };
  }
  return { blocks };
}

export async function up(db: Kysely<any>): Promise<void> {
  const drafts = await sql<{ id: number; body: string }>`
    select id, body from letters where status = 'draft' and deleted_at is null
  `.execute(db);
  for (const draft of drafts.rows) {
    const body = JSON.stringify(withMarkers(JSON.parse(draft.body) as { blocks: Block[] }));
    if (body !== draft.body) await sql`update letters set body = ${body} where id = ${draft.id}`.execute(db);
  }
}
