/** `dossier show` (a source, or one of its older versions) and `dossier diff` (what changed). */
import type {
  DiffSegment,
  PassageView,
  RevisionReport,
  SourceDetail,
  VersionDiff,
} from '../shared/api';
import { plural, truncate } from '../shared/text';
import { integerOption, usage } from './argv';
import { callCore } from './callCore';
import { noOptions, print, type Command } from './command';

const showCommand: Command = {
  spec: { valued: ['version'], flags: [] },
  async run(context, [sourceId, ...rest], parsed) {
    if (sourceId === undefined || rest.length > 0) throw usage('show needs exactly one SOURCE_ID');
    const versionNumber = positive(integerOption(parsed, 'version'), '--version');
    const source = await callCore(context.core(), 'getSource', { sourceId, versionNumber });
    print(context, source, () => formatSource(source));
    return 0;
  },
};

/** What `show` prints: the title, the metadata known, the text and the passages. */
export function formatSource(source: SourceDetail): string {
  const latest = source.versions.at(-1)?.number ?? source.versionNumber;
  const version =
    source.versionNumber === latest
      ? `version ${source.versionNumber}`
      : `version ${source.versionNumber} of ${latest}, an older version`;
  const metadata = formatMetadata(source);
  return [
    `#${source.id}  ${source.title}  (${version})`,
    ...(metadata === '' ? [] : [metadata]),
    '',
    source.text,
    '',
    ...source.passages.map(formatPassage),
  ].join('\n');
}

/** "by A · Site · 2024-03-26 · fa, rtl · https://…", the fields the source has. */
function formatMetadata(source: SourceDetail): string {
  const language = [source.lang, source.dir].filter((part) => part !== null).join(', ');
  return [
    source.byline === null ? '' : `by ${source.byline}`,
    source.siteName ?? '',
    source.publishedAt ?? '',
    language,
    source.url ?? '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

function formatPassage(p: PassageView): string {
  const place = p.start === null ? 'no place' : `[${p.start}, ${p.end})`;
  const score = p.status === 'exact' ? '' : ` ${score2(p.score)}${p.confirmed ? ' confirmed' : ''}`;
  const suggestion = p.suggestion
    ? `  (suggested: [${p.suggestion.start}, ${p.suggestion.end}) ${score2(p.suggestion.score)} ${quoted(p.suggestion.text)})`
    : '';
  const notes =
    p.noteIds.length > 0 ? `  (notes ${p.noteIds.map((id) => `#${id}`).join(', ')})` : '';
  return `passage #${p.id} ${place} ${p.status}${score}: ${p.exact}${suggestion}${notes}`;
}

const diffCommand: Command = {
  spec: noOptions,
  async run(context, [sourceId, ...versions]) {
    if (sourceId === undefined || (versions.length !== 0 && versions.length !== 2)) {
      throw usage('diff needs SOURCE_ID, and optionally two version numbers A B');
    }
    const [from, to] = versions.map((value) => versionNumber(value));
    const diff = await callCore(context.core(), 'diffVersions', { sourceId, from, to });
    print(context, diff, () => formatDiff(diff));
    return 0;
  },
};

function versionNumber(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw usage(`a version number is a whole number from 1, got "${value}"`);
  }
  return Number(value);
}

function positive(value: number | undefined, option: string): number | undefined {
  if (value === 0) throw usage(`${option} counts from 1`);
  return value;
}

/**
 * The paragraphs that changed, with removed text as [-…-] and added text as
 * {+…+}; "…" stands for unchanged paragraphs left out.
 */
export function formatDiff(diff: VersionDiff): string {
  const header = `#${diff.sourceId}  version ${diff.from} → ${diff.to}: ${plural(diff.stats.added, 'character')} added, ${diff.stats.removed} removed`;
  if (!diff.segments.some((segment) => segment.kind !== 'same')) {
    return `${header}\nNo changes.`;
  }
  const paragraphs = markedParagraphs(diff.segments);
  const lines = [header, ''];
  let skipped = false;
  for (const paragraph of paragraphs) {
    if (!paragraph.changed) {
      skipped = true;
      continue;
    }
    if (skipped) lines.push('…', '');
    lines.push(paragraph.text, '');
    skipped = false;
  }
  if (skipped) lines.push('…', '');
  return lines.join('\n').trimEnd();
}

/** The compared text cut at paragraph breaks, changes marked inline. */
function markedParagraphs(
  segments: readonly DiffSegment[],
): Array<{ text: string; changed: boolean }> {
  const paragraphs = [{ text: '', changed: false }];
  for (const segment of segments) {
    const current = paragraphs[paragraphs.length - 1]!;
    if (segment.kind === 'same') {
      const [first = '', ...others] = segment.text.split('\n\n');
      current.text += first;
      for (const text of others) paragraphs.push({ text, changed: false });
    } else {
      current.text += segment.kind === 'removed' ? `[-${segment.text}-]` : `{+${segment.text}+}`;
      current.changed = true;
    }
  }
  return paragraphs;
}

/** The readable lines of `import` for a new version: the counts, then each passage not exact. */
export function formatReport(report: RevisionReport): string[] {
  const counts = (['exact', 'moved', 'fuzzy', 'orphaned'] as const)
    .map((status) => `${report[status]} ${status}`)
    .join(', ');
  return [
    `          passages: ${counts}`,
    ...report.passages.map((p) => {
      const change =
        p.newText === undefined || p.newText === p.oldText ? '' : ` → ${quoted(p.newText)}`;
      return `          ${p.status.padEnd(8)} passage #${p.id} (${score2(p.score)}): ${quoted(p.oldText)}${change}`;
    }),
  ];
}

function score2(score: number): string {
  return `score ${score.toFixed(2)}`;
}

function quoted(text: string): string {
  return `“${truncate(text.replace(/\s+/g, ' ').trim(), 80)}”`;
}

export const versionCommands = { show: showCommand, diff: diffCommand };
