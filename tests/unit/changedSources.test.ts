/**
 * Each change a window hears names the sources whose library entries it
 * touched, so that a large library reads those alone; a change that cannot
 * say names none, and the whole list is read again.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreChannel } from '../../src/coreProcess/channel';
import { createCoreEndpoint } from '../../src/coreProcess/coreEndpoint';
import { createCore } from '../../src/core/createCore';
import type { ChangedEvent } from '../../src/shared/notebookEvents';
import { useTempFolder } from './support/tempFolder';

let endpoint: CoreChannel;
useTempFolder('dossier-changed-sources-', (folder) => {
  endpoint = createCoreEndpoint(createCore(path.join(folder, 'notebook.db')), {
    watchExternalWrites: false,
  });
  return () => endpoint.close();
});

/** Calls `method` and returns what it answered and the change it announced. */
async function call<T>(
  method: string,
  args: unknown,
): Promise<{ value: T; heard: ChangedEvent[] }> {
  const heard: ChangedEvent[] = [];
  const unsubscribe = endpoint.subscribe((event) => {
    if (event.type === 'changed') heard.push(event);
  });
  const response = await endpoint.call(method, args);
  unsubscribe();
  if (!response.ok) throw new Error(response.error.message);
  return { value: response.value as T, heard };
}

const text = (title: string) => ({ text: `${title}\n\nThe ferry left at dawn.` });
const base64 = (content: string) => Buffer.from(content).toString('base64');

describe('the sources a change touched', () => {
  it('are named by imports, edits, tags, the trash and collections', async () => {
    const first = await call<{ sourceId: string }>('importText', text('Harbour'));
    expect(first.heard).toEqual([
      { type: 'changed', changed: ['sources', 'passages'], sources: [first.value.sourceId] },
    ]);
    const id = first.value.sourceId;

    const files = await call<unknown[]>('importFiles', {
      files: [
        { fileName: 'a.txt', contentBase64: base64('Quay\n\nClosed.') },
        { fileName: 'empty.txt', contentBase64: '' },
        { fileName: 'b.txt', contentBase64: base64('Pier\n\nOpen.') },
      ],
    });
    const sourceIds = (files.value as Array<{ sourceId?: string }>).flatMap((outcome) =>
      outcome.sourceId ? [outcome.sourceId] : [],
    );
    expect(sourceIds).toHaveLength(2);
    expect(files.heard[0]!.sources).toEqual(sourceIds);

    for (const [method, args] of [
      ['editSource', { sourceId: id, title: 'Harbour, revised' }],
      ['setSourceTags', { sourceId: id, tags: ['ports'] }],
      ['deleteSource', { sourceId: id }],
      ['restoreSource', { sourceId: id }],
    ] as const) {
      const { heard } = await call(method, args);
      expect(heard.map((event) => event.sources)).toEqual([[id]]);
    }

    const { value: collection } = await call<{ id: string }>('createCollection', { name: 'Ports' });
    const added = await call('addToCollection', { collectionId: collection.id, sourceIds: [id] });
    expect(added.heard[0]!.sources).toEqual([id]);
  });

  it('are not named by a change that cannot say which', async () => {
    const { value } = await call<{ sourceId: string }>('importText', text('Harbour'));
    await call('deleteSource', { sourceId: value.sourceId });
    const emptied = await call('emptyTrash', {});
    expect(emptied.heard).toHaveLength(1);
    expect(emptied.heard[0]!.changed).toContain('sources');
    expect(emptied.heard[0]).not.toHaveProperty('sources');
  });

  it('are read again alone: those in the trash are left out', async () => {
    const kept = await call<{ sourceId: string }>('importText', text('Kept'));
    const trashed = await call<{ sourceId: string }>('importText', text('Trashed'));
    await call('deleteSource', { sourceId: trashed.value.sourceId });
    const { value } = await call<Array<{ id: string; title: string }>>('getSourceSummaries', {
      sourceIds: [trashed.value.sourceId, kept.value.sourceId, '999999'],
    });
    expect(value.map((summary) => summary.title)).toEqual(['Kept']);
  });
});
