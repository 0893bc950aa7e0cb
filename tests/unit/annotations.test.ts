import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch';
import type { ApiArgs, ApiMethod, ApiResponse, ApiResults } from '../../src/shared/api';
import { expectDossierError, useTempCore } from './support/tempCore';

const notebook = useTempCore();

/** Through the contract's validation, as every host calls the core. */
function call<M extends ApiMethod>(
  method: M,
  args: ApiArgs<M>,
): Promise<ApiResponse<ApiResults[M]>> {
  return dispatch(notebook.core, method, args) as Promise<ApiResponse<ApiResults[M]>>;
}

async function value<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResults[M]> {
  const response = await call(method, args);
  if (!response.ok) throw new Error(response.error.message);
  return response.value;
}

async function article(text: string): Promise<string> {
  return (await notebook.core.importText({ text })).sourceId;
}

describe('a passage too short to be one', () => {
  it.each([
    ['one letter', 'a'],
    ['two letters', 'of'],
    ['punctuation', '—.'],
    ['one ideograph', '国'],
    ['one Persian letter and a space', 'و '],
  ])('is refused with the reason: %s', async (_case, quote) => {
    const sourceId = await article(
      `Short marks\n\nA line of words — of 国家 and و then more.\n\nVarious text: ${quote}!`,
    );
    const error = expectDossierError(
      () => notebook.core.markPassage({ sourceId, quote, occurrence: 1 }),
      'invalid_argument',
    );
    expect(error.message).toMatch(/too short to be a passage: select at least 3 letters/);
    expect(notebook.core.listPassages({ sourceId })).toEqual([]);
  });

  it('is accepted from three letters, or two ideographs', async () => {
    const sourceId = await article('Short marks\n\nThe UN met in 北京 on Monday.');
    expect(() => notebook.core.markPassage({ sourceId, quote: 'The' })).not.toThrow();
    expect(() => notebook.core.markPassage({ sourceId, quote: '北京' })).not.toThrow();
  });

  it('is refused when re-attaching too', async () => {
    const sourceId = await article('Reattach\n\nThe ferry left the harbour at dawn.');
    const { passageId } = notebook.core.markPassage({ sourceId, quote: 'ferry left' });
    const start = notebook.core.getSource({ sourceId }).text.indexOf('at');
    expectDossierError(
      () => notebook.core.reattachPassage({ passageId, start, end: start + 2 }),
      'invalid_argument',
    );
  });
});

describe('colours and comments', () => {
  it('are set when marking and changed later; a comment is searched with the quote', async () => {
    const sourceId = await article('Port report\n\nThe ferry left the harbour at dawn with cargo.');
    const { passageId } = notebook.core.markPassage({
      sourceId,
      quote: 'ferry left the harbour',
      color: 'green',
      comment: 'Confirmed by the port authority',
    });
    expect(notebook.core.getPassage({ passageId })).toMatchObject({
      color: 'green',
      comment: 'Confirmed by the port authority',
    });
    const [hit] = notebook.core.search({ query: 'authority' });
    expect(hit).toMatchObject({
      kind: 'passage',
      id: passageId,
      color: 'green',
      comment: 'Confirmed by the port authority',
      snippet: 'Confirmed by the port authority',
    });

    const changed = notebook.core.annotatePassage({
      passageId,
      color: 'pink',
      comment: 'Disputed',
    });
    expect(changed).toMatchObject({
      color: 'pink',
      comment: 'Disputed',
      exact: 'ferry left the harbour',
    });
    expect(notebook.core.search({ query: 'authority' })).toEqual([]);
    expect(notebook.core.search({ query: 'disputed' }).map((h) => h.id)).toEqual([passageId]);

    // A colour alone keeps the comment; an empty comment clears it.
    expect(notebook.core.annotatePassage({ passageId, color: 'blue' }).comment).toBe('Disputed');
    expect((await value('annotatePassage', { passageId, comment: '  ' })).comment).toBeNull();
    expect(notebook.core.search({ query: 'disputed' })).toEqual([]);
  });

  it('keeps a comment searchable after a rebuild of the index, in Persian too', async () => {
    const sourceId = await article('گزارش\n\nکشتی در سپیده‌دم از بندر حرکت کرد.');
    const { passageId } = notebook.core.markPassage({
      sourceId,
      quote: 'از بندر حرکت کرد',
      comment: 'تأیید شده توسط بندر',
    });
    await notebook.core.rebuildSearchIndex({});
    expect(notebook.core.search({ query: 'تایید' }).map((hit) => hit.id)).toEqual([passageId]);
  });

  it('refuses an unknown colour and an unknown passage', async () => {
    const sourceId = await article('Colours\n\nSome words to mark here.');
    const { passageId } = notebook.core.markPassage({ sourceId, quote: 'words to mark' });
    const orange = await call('annotatePassage', { passageId, color: 'orange' as 'pink' });
    expect(orange).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await call('annotatePassage', { passageId: '999' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(notebook.core.getPassage({ passageId }).color).toBe('yellow');
  });

  it('are named by the analyst; a name can be cleared', async () => {
    expect(notebook.core.listHighlightColors({}).map((c) => c.label)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    await value('setHighlightColorLabel', { color: 'green', label: ' evidence ' });
    notebook.core.setHighlightColorLabel({ color: 'pink', label: 'claim' });
    expect(notebook.core.listHighlightColors({})).toEqual([
      { color: 'yellow', label: null },
      { color: 'green', label: 'evidence' },
      { color: 'blue', label: null },
      { color: 'pink', label: 'claim' },
      { color: 'purple', label: null },
    ]);
    notebook.core.setHighlightColorLabel({ color: 'pink', label: '' });
    expect(notebook.core.listHighlightColors({})[3]).toEqual({ color: 'pink', label: null });
  });
});
