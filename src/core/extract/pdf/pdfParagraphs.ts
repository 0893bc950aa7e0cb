import { hyphenEvidence, joinLines } from './lineJoining';
import type { FlowLine } from './pdfColumns';
import { groupBy, highest, lowest, median } from './collections';
import { mainSize } from './pdfLines';

/** A block of text found on the pages, before it takes its place in the document. */
export interface TextDraft {
  heading: boolean;
  /** An item of a bulleted list (its bullet left out of the text). */
  listItem: boolean;
  /** 1-based page of its first line. */
  page: number;
  size: number;
  text: string;
  rtl: boolean;
}

/** A bullet opening a line starts a list item. */
const BULLET = /^[•◦▪▫‣⁃●○■□◆◇►▸➢\uf0a7\uf0b7]\s*/u;
/** A line set this much larger than the body text is a heading. */
const HEADING_SIZE = 1.15;
const MAX_HEADING_LINES = 4;
const MAX_HEADING_CHARS = 300;
/** Sizes closer than this share are the same size. */
const SAME_SIZE = 0.1;
/** Space between two lines beyond their usual spacing, as a share of the font size, that separates paragraphs. */
const PARAGRAPH_GAP = 0.35;
/** A first line starting this far in (a share of the font size), but not past a quarter of the column, is indented. */
const INDENT = 0.6;
const MAX_INDENT_SHARE = 0.25;
/** A line ending less than this many font sizes before the column's edge fills it. */
const FULL_LINE = 1.5;

interface Flow {
  /** The edge lines start at (left; right for right-to-left lines), indentation aside. */
  left: number;
  right: number;
  /** The outermost edges any line reaches. */
  minX0: number;
  maxX1: number;
  lines: number;
}

/**
 * Groups lines (in reading order) into paragraphs, headings and bulleted list
 * items. A paragraph ends where the font size changes, where a bullet opens
 * the next line, where the space to the next line is clearly more than the
 * usual line spacing, or where the next line is indented; from the foot of a
 * column or page to the head of the next it goes on only when its last line
 * fills the column and the next one is not indented.
 */
export function paragraphs(lines: readonly FlowLine[]): TextDraft[] {
  if (lines.length === 0) return [];
  const bodySize = mainSize(lines);
  const pitches = linePitches(lines);
  const flows = flowEdges(lines);

  const groups: FlowLine[][] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const group = groups.at(-1);
    if (previous && group && continues(group[0]!, previous, line, pitches, flows)) group.push(line);
    else groups.push([line]);
  });

  const evidence = hyphenEvidence(lines.map((line) => line.text));
  return groups.map((group) => {
    const size = mainSize(group);
    const listItem = BULLET.test(group[0]!.text);
    const joined = joinLines(
      group.map((line) => line.text),
      evidence,
    );
    const text = listItem ? joined.replace(BULLET, '') : joined;
    return {
      listItem,
      heading:
        !listItem &&
        size >= bodySize * HEADING_SIZE &&
        group.length <= MAX_HEADING_LINES &&
        text.length <= MAX_HEADING_CHARS,
      page: group[0]!.page,
      size,
      text,
      rtl: group.filter((line) => line.rtl).length * 2 > group.length,
    };
  });
}

function continues(
  first: FlowLine,
  before: FlowLine,
  line: FlowLine,
  pitches: Map<number, number>,
  flows: Map<string, Flow>,
): boolean {
  if (BULLET.test(line.text) || !sameSize(before.size, line.size)) return false;
  const flowBefore = flows.get(flowKey(before))!;
  const flow = flows.get(flowKey(line))!;
  // Into the next column or page: back up the page, so spacing says nothing.
  const below = line.page === before.page && line.y > before.y;
  if (flowKey(before) !== flowKey(line) && !below) {
    return fillsLine(before, flowBefore) && !isIndented(line, flow);
  }
  const gap = line.y - before.y;
  const pitch = pitches.get(before.size) ?? 1.2 * before.size;
  if (gap <= 0 || gap > pitch + PARAGRAPH_GAP * before.size) return false;
  // A list item's lines hang under its first line (they may be indented from the column's edge).
  if (BULLET.test(first.text)) return line.rtl ? line.x1 <= first.x1 + 1 : line.x0 >= first.x0 - 1;
  return !isIndented(line, flow) || isIndented(before, flow);
}

/** The usual distance between the baselines of two lines of a paragraph, for each font size. */
function linePitches(lines: readonly FlowLine[]): Map<number, number> {
  const gaps = new Map<number, number[]>();
  lines.forEach((line, index) => {
    const next = lines[index + 1];
    if (!next || flowKey(next) !== flowKey(line) || next.size !== line.size) return;
    const gap = next.y - line.y;
    if (gap > 0.5 * line.size && gap < 2.5 * line.size) {
      const forSize = gaps.get(line.size);
      if (forSize) forSize.push(gap);
      else gaps.set(line.size, [gap]);
    }
  });
  return new Map([...gaps].map(([size, values]) => [size, median(values)]));
}

function flowEdges(lines: readonly FlowLine[]): Map<string, Flow> {
  return new Map(
    [...groupBy(lines, flowKey)].map(([key, flowLines]) => [
      key,
      {
        left: sharedEdge(
          flowLines.map((line) => line.x0),
          'low',
        ),
        right: sharedEdge(
          flowLines.map((line) => line.x1),
          'high',
        ),
        minX0: lowest(flowLines.map((line) => line.x0)),
        maxX1: highest(flowLines.map((line) => line.x1)),
        lines: flowLines.length,
      },
    ]),
  );
}

/** Whether the line reaches the far edge of its column (which a column of one line does not tell). */
function fillsLine(line: FlowLine, flow: Flow): boolean {
  if (flow.lines < 2) return false;
  return line.rtl
    ? line.x0 <= flow.minX0 + FULL_LINE * line.size
    : line.x1 >= flow.maxX1 - FULL_LINE * line.size;
}

function isIndented(line: FlowLine, flow: Flow): boolean {
  const indent = line.rtl ? flow.right - line.x1 : line.x0 - flow.left;
  return indent >= INDENT * line.size && indent <= MAX_INDENT_SHARE * (flow.maxX1 - flow.minX0);
}

function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_SIZE * Math.max(a, b);
}

function flowKey(line: FlowLine): string {
  return `${line.page}/${line.flow}`;
}

/**
 * The outermost edge (lowest or highest, rounded to a unit) that at least two
 * lines share, so one stray line does not move it and an indented list does
 * not hide it; with fewer lines, the outermost edge.
 */
function sharedEdge(values: readonly number[], side: 'low' | 'high'): number {
  const counts = new Map<number, number>();
  for (const value of values)
    counts.set(Math.round(value), (counts.get(Math.round(value)) ?? 0) + 1);
  const shared = [...counts].filter(([, count]) => count >= 2).map(([value]) => value);
  const candidates = shared.length > 0 ? shared : values;
  return side === 'low' ? lowest(candidates) : highest(candidates);
}
