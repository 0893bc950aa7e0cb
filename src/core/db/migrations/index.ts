import { migration001Initial } from './001-initial';
import { migration002SearchKeyVersion } from './002-search-key-version';
import { migration003SourceRevisions } from './003-source-revisions';
import { migration004OldVersionsSearch } from './004-old-versions-search';
import { migration005OriginalsAndMetadata } from './005-originals-and-metadata';
import { migration006Workspace } from './006-workspace';
import { migration007NoteLinks } from './007-note-links';
import { migration008CompressedTexts } from './008-compressed-texts';
import { migration009BulkIndexBuffer } from './009-bulk-index-buffer';
import { migration010BodyFirstIndex } from './010-body-first-index';
import { checkMigrationOrder, type Migration } from './migration';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = checkMigrationOrder([
  migration001Initial,
  migration002SearchKeyVersion,
  migration003SourceRevisions,
  migration004OldVersionsSearch,
  migration005OriginalsAndMetadata,
  migration006Workspace,
  migration007NoteLinks,
  migration008CompressedTexts,
  migration009BulkIndexBuffer,
  migration010BodyFirstIndex,
]);

export const latestSchemaVersion = migrations.length;
