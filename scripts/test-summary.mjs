#!/usr/bin/env node
// Summarise test results written by scripts/test.sh.
//
//   node scripts/test-summary.mjs [--dir DIR] [--failed-step NAME]
//
// DIR defaults to $TEST_RESULTS_DIR or .test-results. Reads DIR/vitest.json (Vitest JSON
// reporter) and DIR/playwright.json (Playwright JSON reporter); a missing file is reported,
// not fatal. --failed-step names a step of scripts/test.sh that failed: when that step
// left no failing test in its results (e.g. typecheck or build), it is counted as one
// failure so the totals never claim "0 failed" for a failed run.
//
// The last line printed is exactly "N passed, M failed" (plus ", K skipped" when K > 0).
// The exit code is always 0: the caller decides what counts as failure.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function parseArgs(argv) {
  const opts = { dir: process.env.TEST_RESULTS_DIR || '.test-results', failedStep: '' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dir') opts.dir = argv[++i] ?? opts.dir;
    else if (arg.startsWith('--dir=')) opts.dir = arg.slice('--dir='.length);
    else if (arg === '--failed-step') opts.failedStep = argv[++i] ?? '';
    else if (arg.startsWith('--failed-step=')) opts.failedStep = arg.slice('--failed-step='.length);
    else if (!arg.startsWith('-')) opts.dir = arg;
  }
  return opts;
}

const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function readJson(file) {
  if (!existsSync(file)) return { missing: true };
  try {
    return { data: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (err) {
    return { error: String(err instanceof Error ? err.message : err).replace(/\s+/g, ' ').slice(0, 200) };
  }
}

function summariseVitest(file) {
  const res = readJson(file);
  if (res.missing) return { name: 'vitest', note: `no results (${file} not found)` };
  if (res.error) return { name: 'vitest', passed: 0, failed: 1, skipped: 0, note: `unreadable ${file}: ${res.error} (counted as 1 failure)` };
  const d = res.data;
  const passed = num(d.numPassedTests);
  let failed = num(d.numFailedTests);
  const skipped = num(d.numPendingTests) + num(d.numTodoTests);
  // Test files that failed without any failing test (e.g. an import error) still fail the run.
  const fileErrors = Array.isArray(d.testResults)
    ? d.testResults.filter(
        (r) => r && r.status === 'failed' &&
          !(Array.isArray(r.assertionResults) && r.assertionResults.some((a) => a && a.status === 'failed')),
      ).length
    : 0;
  failed += fileErrors;
  const parts = [`${passed} passed`, `${failed} failed`];
  if (skipped) parts.push(`${skipped} skipped`);
  let note = parts.join(', ');
  if (fileErrors) note += ` (incl. ${fileErrors} test file(s) that failed to run)`;
  if (d.success === false && failed === 0) {
    failed = 1;
    note += ' (Vitest reported failure without failing tests; counted as 1 failure)';
  }
  return { name: 'vitest', passed, failed, skipped, note };
}

function summarisePlaywright(file) {
  const res = readJson(file);
  if (res.missing) return { name: 'playwright', note: `no results (${file} not found)` };
  if (res.error) return { name: 'playwright', passed: 0, failed: 1, skipped: 0, note: `unreadable ${file}: ${res.error} (counted as 1 failure)` };
  const d = res.data;
  const s = d.stats || {};
  const expected = num(s.expected);
  const flaky = num(s.flaky);
  const unexpected = num(s.unexpected);
  const skipped = num(s.skipped);
  // Top-level errors (e.g. web server did not start, config error) are not attributed to a test.
  const globalErrors = Array.isArray(d.errors) ? d.errors.length : 0;
  const passed = expected + flaky;
  const failed = unexpected + (unexpected === 0 ? globalErrors : 0);
  const parts = [`${passed} passed`, `${failed} failed`];
  if (skipped) parts.push(`${skipped} skipped`);
  let note = parts.join(', ');
  if (flaky) note += ` (${flaky} flaky: passed on retry)`;
  if (globalErrors) {
    note += ` (${globalErrors} global error(s)${unexpected === 0 ? ', counted as failures' : ''})`;
    for (const e of d.errors.slice(0, 3)) {
      const msg = String((e && (e.message || e.value)) || '').split('\n')[0];
      if (msg) note += `\n      - ${msg.slice(0, 200)}`;
    }
  }
  return { name: 'playwright', passed, failed, skipped, note };
}

const opts = parseArgs(process.argv.slice(2));
const runners = [
  summariseVitest(join(opts.dir, 'vitest.json')),
  summarisePlaywright(join(opts.dir, 'playwright.json')),
];

let passed = 0;
let failed = 0;
let skipped = 0;
console.log('Test results by runner:');
for (const r of runners) {
  console.log(`  ${r.name.padEnd(11)} ${r.note}`);
  passed += num(r.passed);
  failed += num(r.failed);
  skipped += num(r.skipped);
}

if (opts.failedStep) {
  const runner = runners.find((r) => r.name === opts.failedStep);
  if (!runner || num(runner.failed) === 0) {
    failed += 1;
    console.log(`  ${'step'.padEnd(11)} "${opts.failedStep}" failed (counted as 1 failure)`);
  }
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = 0;
