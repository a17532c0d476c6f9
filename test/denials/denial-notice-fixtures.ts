import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of notices written for these tests (test/fixtures/denial-notices). */
export const denialNoticeFixtures = join(import.meta.dirname, '..', 'fixtures', 'denial-notices');

export function readFixture(file: string): string {
  return readFileSync(join(denialNoticeFixtures, file), 'utf8');
}
