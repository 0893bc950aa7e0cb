/** `dossier mark` (a new passage) and `dossier passage edit` (its colour and comment). */
import type { ApiArgs } from '../shared/api';
import { highlightColors, type HighlightColor } from '../shared/passages';
import { integerOption, lastOption, usage, type ParsedArgv } from './argv';
import { callCore } from './callCore';
import { print, type Command } from './command';

type Annotation = Pick<ApiArgs<'annotatePassage'>, 'color' | 'comment'>;
const annotationOptions = ['color', 'comment'];

/** `--color C` and `--comment T` (an empty comment clears it). */
function annotationFrom(parsed: ParsedArgv): Annotation {
  const annotation: Annotation = {};
  const color = lastOption(parsed, 'color');
  if (color !== undefined) {
    if (!(highlightColors as readonly string[]).includes(color)) {
      throw usage(`--color must be one of ${highlightColors.join(', ')}`);
    }
    annotation.color = color as HighlightColor;
  }
  const comment = lastOption(parsed, 'comment');
  if (comment !== undefined) annotation.comment = comment === '' ? null : comment;
  return annotation;
}

const markCommand: Command = {
  spec: { valued: ['quote', 'occurrence', 'start', 'end', ...annotationOptions], flags: [] },
  async run(context, [sourceId, ...rest], parsed) {
    if (sourceId === undefined || rest.length > 0) throw usage('mark needs exactly one SOURCE_ID');
    const quote = lastOption(parsed, 'quote');
    const start = integerOption(parsed, 'start');
    const end = integerOption(parsed, 'end');
    const occurrence = integerOption(parsed, 'occurrence');
    const annotation = annotationFrom(parsed);
    let marked;
    if (quote !== undefined) {
      marked = await callCore(context.core(), 'markPassage', {
        sourceId,
        quote,
        occurrence,
        ...annotation,
      });
    } else if (start !== undefined && end !== undefined) {
      marked = await callCore(context.core(), 'markPassage', {
        sourceId,
        start,
        end,
        ...annotation,
      });
    } else {
      throw usage('mark needs --quote TEXT (or --start N --end N)');
    }
    print(context, marked, () => `passage #${marked.passageId} [${marked.start}, ${marked.end})`);
    return 0;
  },
};

const passageUsage = `usage: passage edit PASSAGE_ID [--color ${highlightColors.join('|')}] [--comment TEXT]`;

const passageCommand: Command = {
  spec: { valued: annotationOptions, flags: [] },
  async run(context, [action, passageId, ...rest], parsed) {
    if (action !== 'edit' || passageId === undefined || rest.length > 0) throw usage(passageUsage);
    const annotation = annotationFrom(parsed);
    if (Object.keys(annotation).length === 0) throw usage(passageUsage);
    const passage = await callCore(context.core(), 'annotatePassage', {
      passageId,
      ...annotation,
    });
    print(
      context,
      passage,
      () =>
        `passage #${passage.id}  ${passage.color}${passage.comment ? `  “${passage.comment}”` : ''}`,
    );
    return 0;
  },
};

export const passageCommands = { mark: markCommand, passage: passageCommand };
