import type { LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import type { PassageView } from '../../../shared/api';
import { isDossierError } from '../../../shared/errors';
import { api } from '../../api/client';
import { useLiveQuery } from '../../app/useLiveQuery';
import { useLinkNodes } from '../useLinkNodes';
import { PassageLinkNode, type PassageLinkIds } from './PassageLinkNode';
import { clearLinkAppearance, linkAppearance, showLinkAppearance } from './linkStanding';

/** The passages a note links to, by id, read source by source; absent: gone. */
interface LinkedPassages {
  byId: ReadonlyMap<string, PassageView>;
  /** Sources that could not be read for another reason than being gone: their links are left as they are. */
  unknownSources: ReadonlySet<string>;
}

/**
 * Keeps each passage link in the editor showing where its passage stands on
 * its source's current version: a link to an orphan (or to a passage that no
 * longer exists) is drawn broken, with the quote it was made on as its
 * tooltip. Never hidden, never removed. Re-read when passages change anywhere.
 */
export function usePassageLinkStandings(editor: LexicalEditor): void {
  const links = useLinkNodes(editor, PassageLinkNode, readIds);
  const sourceIds = [...new Set([...links.values()].map((link) => link.sourceId))].sort();
  const linked = useLiveQuery(
    ['passages'],
    sourceIds.length > 0 ? `linked-passages:${sourceIds.join(',')}` : null,
    () => readLinkedPassages(sourceIds),
  );

  useEffect(() => {
    const passages = linked.data;
    for (const [key, { passageId, sourceId }] of links) {
      const element = editor.getElementByKey(key);
      if (!element) continue;
      if (!passages || passages.unknownSources.has(sourceId)) clearLinkAppearance(element);
      else showLinkAppearance(element, linkAppearance(passages.byId.get(passageId)));
    }
  }, [editor, links, linked.data]);
}

/** What a link names, read once per change to it. */
const readIds = (node: PassageLinkNode): PassageLinkIds => ({
  passageId: node.getPassageId(),
  sourceId: node.getSourceId(),
});

async function readLinkedPassages(sourceIds: readonly string[]): Promise<LinkedPassages> {
  const answers = await Promise.allSettled(
    sourceIds.map((sourceId) => api.listPassages({ sourceId })),
  );
  const byId = new Map<string, PassageView>();
  const unknownSources = new Set<string>();
  answers.forEach((answer, index) => {
    if (answer.status === 'fulfilled') {
      for (const passage of answer.value) byId.set(passage.id, passage);
    } else if (!(isDossierError(answer.reason) && answer.reason.code === 'not_found')) {
      unknownSources.add(sourceIds[index]!);
    }
  });
  return { byId, unknownSources };
}
