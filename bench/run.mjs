// `npm run bench`: runs every benchmark one after another (never in parallel,
// they would share the 2 cores), prints one markdown report and writes it to
// bench/results.md (and its summary to the README).
//
// Besides gateway.mjs it runs, when the file exists, bench/prompt.mjs
// `runPromptBench()` and bench/first-result.mjs `runFirstResultBench()`. Each may
// return markdown (a string), an array of row objects (shown as a table), or
// { title?, rows?, note?|notes?, markdown? }.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { repo, now, stopAll, updateReadme, benchSummary } from './lib.mjs';
import { runGatewayBench, formatGatewayReport, machineNote } from './gateway.mjs';

const optional = [
  { file: 'prompt.mjs', exportName: 'runPromptBench', title: 'Shell prompt overhead' },
  { file: 'first-result.mjs', exportName: 'runFirstResultBench', title: 'cd → first tool result' },
  { file: 'ensure.mjs', exportName: 'runEnsureBench', title: '`mcp-auto ensure` (nothing to do)' },
  { file: 'costs.mjs', exportName: 'runCostsBench', title: 'Costs a user never feels (issue 17)' },
  { file: 'tool-filter.mjs', exportName: 'runToolFilterBench', title: 'Tool definitions per session (tool filters)' },
  { file: 'serena.mjs', exportName: 'runSerenaBench', title: 'serena preset (stand-in server)' },
  { file: 'page.mjs', exportName: 'runPageBench', title: 'The page costs nothing until opened' },
];

const cell = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v ?? '—')).replaceAll('|', '\\|');

function table(rows) {
  if (rows.length === 0) return '(no rows)';
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return [
    `| ${keys.join(' | ')} |`,
    `| ${keys.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${keys.map((k) => cell(row[k])).join(' | ')} |`),
  ].join('\n');
}

/** Whatever a bench returned, as markdown under its own heading. */
function section(title, result) {
  if (typeof result === 'string') return result.trimStart().startsWith('#') ? result.trim() : `## ${title}\n\n${result.trim()}`;
  if (Array.isArray(result)) return `## ${title}\n\n${table(result)}`;
  const parts = [`## ${result?.title ?? title}`];
  if (result?.markdown) parts.push(String(result.markdown).trim());
  if (Array.isArray(result?.rows)) parts.push(table(result.rows));
  const notes = result?.notes ?? (result?.note ? [result.note] : []);
  if (notes.length) parts.push(notes.map((n) => `- ${n}`).join('\n'));
  return parts.join('\n\n');
}

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

const started = now();
const sections = [];
let failed = false;

try {
  const rows = await runGatewayBench();
  sections.push(`## Gateway: tools/call to server-everything\n\n${formatGatewayReport(rows, { machine: false })}`);
} catch (error) {
  failed = true;
  sections.push(`## Gateway: tools/call to server-everything\n\nfailed: ${error?.stack ?? error}`);
}

for (const { file, exportName, title } of optional) {
  const path = join(repo, 'bench', file);
  if (!existsSync(path)) continue;
  process.stderr.write(`bench: ${file} ...\n`);
  try {
    const mod = await import(pathToFileURL(path).href);
    if (typeof mod[exportName] !== 'function') throw new Error(`bench/${file} does not export ${exportName}()`);
    sections.push(section(title, await mod[exportName]()));
  } catch (error) {
    failed = true;
    sections.push(`## ${title}\n\nfailed: ${String(error?.message ?? error).split('\n')[0]}`);
  }
}

await stopAll();

const report = [
  '# mcp-auto benchmarks',
  '',
  `${machineNote()} Commit ${commit()}, ${new Date().toISOString().slice(0, 10)}, whole run ${((now() - started) / 1000).toFixed(0)} s.`,
  '',
  sections.join('\n\n'),
  '',
].join('\n');
process.stdout.write(report);
writeFileSync(join(repo, 'bench', 'results.md'), report);
// The README's Benchmarks section is a summary of this report, with a link to it.
if (!failed) updateReadme('bench', benchSummary(report));
process.exitCode = failed ? 1 : 0;
