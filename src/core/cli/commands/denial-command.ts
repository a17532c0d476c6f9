import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { planTypes, type PlanType } from '../../../shared/domain/plan-types';
import type { DenialNoticeFindings, NoticeCheck } from '../../../shared/schemas/denial-notice';
import { checkDenialNotice } from '../../denials/check-denial-notice';
import { readNoticeFile, type NoticeFileText } from '../../denials/notice-file-text';
import type { OcrProgress } from '../../ocr/recognize-document';
import { readDenialNotice } from '../../denials/read-denial-notice';
import { isPlanType } from '../../deadlines/plan-types';
import { AppError } from '../../errors';
import { exitCodes, UsageError, type CliIo } from '../cli-io';
import type { Command } from '../command';

const planTypeChoices = `one of: ${planTypes.join(', ')}`;

/** The `--json` output: each field's value only (the app keeps the sources for highlighting). */
function jsonReport(file: NoticeFileText, findings: DenialNoticeFindings, check: NoticeCheck) {
  const value = <T>(field: { readonly value: T } | null): T | null => field?.value ?? null;
  return {
    ocr: file.isOcr,
    text: file.text,
    fields: {
      payer: value(findings.payer),
      noticeDate: value(findings.noticeDate),
      memberId: value(findings.memberId),
      referenceNumber: value(findings.referenceNumber),
      service: value(findings.service),
      reasonCategory: value(findings.reasonCategory),
      reasonText: value(findings.reasonText),
      policyCited: value(findings.policyCited),
      denialCode: value(findings.denialCode),
      appealWindow: value(findings.appealWindow),
      appealAddress: value(findings.appealAddress),
      appealFax: value(findings.appealFax),
      appealPhone: value(findings.appealPhone),
      expeditedOffered: value(findings.expeditedOffered),
      planTypeHints: findings.planTypeHints.map((hint) => hint.planType),
    },
    noticeCheck: check,
  };
}

const summaryLabels: readonly [keyof DenialNoticeFindings, string][] = [
  ['payer', 'Payer'],
  ['noticeDate', 'Notice date'],
  ['memberId', 'Member ID'],
  ['referenceNumber', 'Reference number'],
  ['service', 'Service'],
  ['datesOfService', 'Dates of service'],
  ['requestingProvider', 'Requesting provider'],
  ['reasonCategory', 'Reason category'],
  ['reasonText', 'Reason as written'],
  ['policyCited', 'Policy cited'],
  ['denialCode', 'Denial code'],
  ['appealWindow', 'Appeal window'],
  ['appealAddress', 'Appeal address'],
  ['appealFax', 'Appeal fax'],
  ['appealPhone', 'Appeal phone'],
  ['expeditedOffered', 'Expedited review'],
];

const windowStarts = {
  'notice-date': 'from the date on the notice',
  receipt: 'from receipt',
  unknown: 'start not stated',
};

function describeValue(name: keyof DenialNoticeFindings, findings: DenialNoticeFindings): string {
  const field = findings[name];
  if (field === null || Array.isArray(field)) return 'not found';
  const { value } = field as { value: unknown };
  if (name === 'appealWindow' && findings.appealWindow) {
    const { amount, unit, from } = findings.appealWindow.value;
    return `${amount} ${unit} ${windowStarts[from]}`;
  }
  if (name === 'expeditedOffered') return value === true ? 'offered' : 'not offered';
  return String(value);
}

function summary(
  path: string,
  file: NoticeFileText,
  findings: DenialNoticeFindings,
  check: NoticeCheck,
  planTypeSource: string,
) {
  const how = file.isOcr
    ? `read by OCR (confidence ${file.ocrConfidence ?? 0}%): check each value against the page`
    : 'read from its text';
  const width = Math.max(...summaryLabels.map(([, label]) => label.length)) + 2;
  const lines = [
    `Denial notice ${path}, ${how}.`,
    '',
    ...summaryLabels.map(([name, label]) => `${`${label}:`.padEnd(width)}${describeValue(name, findings)}`),
    '',
    `Checked as ${check.planType} (${planTypeSource}):`,
    ...check.elements.map(
      (element) =>
        `  ${element.status.padEnd(15)}${element.id.padEnd(26)}${element.citation}` +
        (element.quote ? `\n  ${''.padEnd(15)}"${element.quote}"` : ''),
    ),
    '',
    check.findings.length === 0 ? 'Findings: none.' : 'Findings:',
    ...check.findings.map((finding) => `  - ${finding.message} [${finding.citation}]`),
    '',
    'These checks are guidance for an advocate, not legal advice; confirm them against the notice and the plan.',
  ];
  return `${lines.join('\n')}\n`;
}

function parsePlanType(given: string | undefined): PlanType | undefined {
  if (given === undefined || isPlanType(given)) return given;
  throw new UsageError(`--plan-type "${given}" is not a plan type; use ${planTypeChoices}.`);
}

/** The plan type given, or else the one the notice's words point to most strongly. */
function choosePlanType(
  given: PlanType | undefined,
  findings: DenialNoticeFindings,
): { planType: PlanType; source: string } {
  if (given !== undefined) return { planType: given, source: 'as given' };
  const [strongest] = findings.planTypeHints;
  if (!strongest) {
    throw new UsageError(
      `the notice does not say what kind of plan it is, and the check depends on it; add --plan-type with ${planTypeChoices}.`,
    );
  }
  return {
    planType: strongest.planType,
    source: `the notice says "${strongest.source.text.replace(/\s+/g, ' ')}"`,
  };
}

/** Reads the file, showing OCR's page progress where a person is watching (never into a pipe). */
async function readShowingProgress(io: CliIo, path: string): Promise<NoticeFileText> {
  const isWatched = (io.stderr as { isTTY?: boolean }).isTTY === true;
  const onProgress = ({ page, pageCount, fraction }: OcrProgress) =>
    io.stderr.write(`\rReading page ${page} of ${pageCount} (${Math.round(fraction * 100)}%)…`);
  try {
    const file = await readNoticeFile(path, isWatched ? onProgress : undefined);
    if (isWatched && file.isOcr) io.stderr.write('\n');
    return file;
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_INPUT') throw new UsageError(error.message);
    throw error;
  }
}

/** Needs no database: reads one notice file and prints what it says and how it measures up to the law. */
export const denialCommand: Command = {
  async run({ io, argv, usage }) {
    const [subcommand, ...rest] = argv;
    if (subcommand !== 'read') throw new UsageError(`Usage: ${usage}`);
    const { values, positionals } = parseArgs({
      args: rest,
      options: { 'plan-type': { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError(`Name one notice file. Usage: ${usage}`);
    const path = resolve(positionals[0]!);
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw new UsageError(`there is no file at ${positionals[0]}; check the name and the folder.`);
    }
    const given = parsePlanType(values['plan-type']);
    const file = await readShowingProgress(io, path);
    const findings = readDenialNotice(file.text);
    const { planType, source } = choosePlanType(given, findings);
    const check = checkDenialNotice(file.text, findings, planType);
    io.stdout.write(
      values.json
        ? `${JSON.stringify(jsonReport(file, findings, check), null, 2)}\n`
        : summary(positionals[0]!, file, findings, check, source),
    );
    return exitCodes.ok;
  },
};
