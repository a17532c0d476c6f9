// Runs Electronegativity over the source and fails on any HIGH or CRITICAL finding. Its CLI exits
// 0 whatever it finds and its CSV report is written racily (the header can overwrite rows), so
// this script calls its runner directly and reads the findings it returns.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { input: { type: 'string', default: 'src' } } });
const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = require('electron/package.json').version;

const { issues } = await runElectronegativity(
  {
    input: resolve(values.input),
    isRelative: true,
    electronVersionOverride: electronVersion,
    // This check asks the network for Electron's release list; there is no network here.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    parserPlugins: [],
  },
  false,
);

const findings = issues.map((issue) => ({
  id: issue.id,
  severity: issue.severity.name,
  where: `${issue.file}:${issue.location.line}:${issue.location.column}`,
}));
const blocking = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'CRITICAL');
const countBySeverity = new Map();
for (const { severity } of findings) countBySeverity.set(severity, (countBySeverity.get(severity) ?? 0) + 1);
const counts = [...countBySeverity].map(([severity, count]) => `${count} ${severity}`).join(', ');

process.stdout.write(
  `Electronegativity (Electron ${electronVersion}) on ${values.input}: ${counts || 'no findings'}.\n`,
);
for (const finding of findings)
  process.stdout.write(`  ${finding.severity} ${finding.id} at ${finding.where}\n`);
if (blocking.length > 0) process.stdout.write(`Failing: ${blocking.length} HIGH or CRITICAL finding(s).\n`);
process.exit(blocking.length > 0 ? 1 : 0);
