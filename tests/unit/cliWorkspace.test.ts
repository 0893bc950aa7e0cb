/** The workspace's commands as scripts use them: trash for sources, passages' colours and comments, collections. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/sharedData';
import { useCliNotebook } from './support/cliNotebook';

const cli = useCliNotebook();
const { dossier, dossierJson } = cli;

function importRiverDelta(): string {
  const article = path.join(repoRoot, 'tests/fixtures/river-delta.txt');
  const [imported] = dossierJson<Array<{ sourceId: string }>>('import', article);
  return imported!.sourceId;
}

/** Marks the article's first "delta" (with any further options); returns the passage id. */
function markDelta(sourceId: string, ...options: string[]): string {
  return dossierJson<{ passageId: string }>(
    'mark',
    sourceId,
    '--quote',
    'delta',
    '--occurrence',
    '1',
    ...options,
  ).passageId;
}

describe('dossier source delete|restore and trash empty', () => {
  it('moves a source to the trash and back, and empties the trash only with --yes', () => {
    const sourceId = importRiverDelta();
    expect(dossierJson('source', 'delete', sourceId)).toEqual({ deleted: true });
    expect(dossierJson('list')).toEqual([]);
    const trash = dossierJson<Array<{ kind: string; id: string }>>('trash');
    expect(trash).toEqual([
      { kind: 'source', id: sourceId, title: expect.any(String), deletedAt: expect.any(String) },
    ]);
    expect(dossierJson('source', 'restore', sourceId)).toEqual({ restored: true });
    expect(dossierJson<unknown[]>('list')).toHaveLength(1);

    dossierJson('source', 'delete', sourceId);
    const refused = dossier('trash', 'empty');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('dossier trash empty --yes');
    expect(dossierJson<unknown[]>('trash')).toHaveLength(1);

    expect(dossierJson('trash', 'empty', '--yes')).toEqual({
      deletedNotes: 0,
      deletedSources: 1,
      keptSources: [],
    });
    expect(dossier('trash').stdout).toBe('The trash is empty.\n');
    expect(dossier('show', sourceId).code).toBe(1);
    expect(dossierJson<{ ok: boolean }>('check').ok).toBe(true);
  });

  it('keeps a cited source in the trash and says why', () => {
    const sourceId = importRiverDelta();
    const passageId = markDelta(sourceId);
    dossierJson('note', 'add', '--title', 'Delta notes', '--link', passageId);
    dossierJson('source', 'delete', sourceId);

    const emptied = dossier('trash', 'empty', '--yes');
    expect(emptied.code).toBe(0);
    expect(emptied.stdout).toContain('Deleted for good: 0 sources and 0 notes.');
    expect(emptied.stdout).toContain(
      `Kept in the trash: source #${sourceId}  Notes from the river delta`,
    );
    expect(emptied.stdout).toContain('cited by 1 note');
  });
});

describe('dossier mark and passage edit', () => {
  it('marks with a colour and a comment, edits them, and refuses a passage too short', () => {
    const sourceId = importRiverDelta();
    const passageId = markDelta(
      sourceId,
      '--color',
      'green',
      '--comment',
      'Seen on the satellite map',
    );
    expect(dossierJson<Array<{ id: string; comment: string }>>('search', 'satellite')).toEqual([
      expect.objectContaining({ kind: 'passage', id: passageId, color: 'green' }),
    ]);
    expect(dossier('passage', 'edit', passageId, '--color', 'pink', '--comment', '').stdout).toBe(
      `passage #${passageId}  pink\n`,
    );
    expect(dossierJson('search', 'satellite')).toEqual([]);

    const badColour = dossier('passage', 'edit', passageId, '--color', 'orange');
    expect(badColour.code).toBe(2);
    expect(badColour.stderr).toContain('--color must be one of yellow, green, blue, pink, purple');

    const tooShort = dossier('mark', sourceId, '--start', '1', '--end', '2');
    expect(tooShort.code).toBe(2);
    expect(tooShort.stderr).toMatch(/too short to be a passage: select at least 3 letters/);
  });
});

describe('dossier collections', () => {
  it('creates, fills, renames and deletes a collection', () => {
    const sourceId = importRiverDelta();
    const { noteId } = dossierJson<{ noteId: string }>('note', 'add', '--title', 'Ports');
    expect(dossier('collections').stdout).toBe(
      'No collections yet: dossier collection create NAME\n',
    );
    const created = dossierJson<{ id: string }>('collection', 'create', 'Rivers');
    expect(
      dossier('collection', 'add', created.id, '--source', sourceId, '--note', noteId).stdout,
    ).toBe(`#${created.id}  Rivers  (1 source, 1 note)\n`);
    expect(dossierJson<Array<{ collectionIds: string[] }>>('list')[0]!.collectionIds).toEqual([
      created.id,
    ]);
    expect(dossierJson('collection', 'rename', created.id, 'Deltas')).toMatchObject({
      name: 'Deltas',
    });
    expect(dossier('collection', 'create', 'deltas').code).toBe(1);
    dossierJson('collection', 'remove', created.id, '--note', noteId);
    expect(dossierJson('collections')).toEqual([
      { id: created.id, name: 'Deltas', sourceCount: 1, noteCount: 0 },
    ]);
    expect(dossierJson('collection', 'delete', created.id)).toEqual({ deleted: true });
    expect(dossier('collection', 'add', created.id).code).toBe(2);
  });
});
