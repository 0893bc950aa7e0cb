// `npm test`: type-check, lint, format check, unit tests, renderer build, browser
// tests — every step runs, and the last line sums them up as `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, '.test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
const totals = { passed: 0, failed: 0, skipped: 0 };
/** What failed, repeated just above the last line: CI logs often keep only their end. */
const failures = [];

function step(title, args, env = {}) {
  console.log(`\n── ${title} ──`);
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status === 0;
}

/** A check that is not a test runner counts as one test. */
function check(title, args) {
  const ok = step(title, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failures.push(title);
  return ok;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** The first line of an error message, short enough for a summary. */
function firstLine(message = '') {
  const line = stripVTControlCharacters(message).trim().split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

function failedUnitTests(report) {
  return report.testResults.flatMap((file) => {
    const name = path.relative(root, file.name);
    const failed = file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => `${name} › ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
    return failed.length === 0 && file.status === 'failed'
      ? [`${name}: ${firstLine(file.message)}`]
      : failed;
  });
}

function failedBrowserTests(suites = []) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? [])
      .filter((spec) => !spec.ok)
      .map((spec) => {
        const error = spec.tests.flatMap((test) => test.results).find((result) => result.error);
        return `${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error?.error.message)}`;
      }),
    ...failedBrowserTests(suite.suites),
  ]);
}

check('type-check (tsc --noEmit)', [bin('typescript', 'bin/tsc'), '--noEmit', '-p', root]);
check('lint (eslint)', [bin('eslint', 'bin/eslint.js'), '.']);
check('format (prettier --check)', [bin('prettier', 'bin/prettier.cjs'), '--check', '.']);

// The tests run the dossier command as users do; compiled, it starts in a third of the time.
check('command build (esbuild)', [path.join(root, 'scripts/buildCli.mjs')]);

const vitestReport = path.join(reports, 'vitest.json');
const unitOk = step('unit tests (vitest)', [
  bin('vitest', 'vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const unit = readJson(vitestReport);
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + unit.numTodoTests;
  failures.push(...failedUnitTests(unit));
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) {
  totals.failed += 1;
  failures.push('unit tests (vitest) ended with an error');
}

const built = check('renderer build (vite build)', [
  bin('vite', 'bin/vite.js'),
  'build',
  '--config',
  'vite.renderer.config.mts',
  '--logLevel',
  'warn',
]);

if (built) {
  const playwrightReport = path.join(reports, 'playwright.json');
  const e2eOk = step('browser tests (playwright)', [bin('@playwright/test', 'cli.js'), 'test'], {
    DOSSIER_TEST_REPORT: playwrightReport,
  });
  const e2e = readJson(playwrightReport);
  if (e2e) {
    totals.passed += e2e.stats.expected;
    totals.failed += e2e.stats.unexpected + e2e.stats.flaky;
    totals.skipped += e2e.stats.skipped;
    failures.push(...failedBrowserTests(e2e.suites));
  }
  if (!e2eOk && (!e2e || e2e.stats.unexpected === 0)) {
    totals.failed += 1;
    failures.push('browser tests (playwright) ended with an error');
  }
}

if (failures.length > 0) console.log(`\n── failed ──\n${failures.join('\n')}`);

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
