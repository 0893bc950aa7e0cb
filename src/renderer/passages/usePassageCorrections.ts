import { useCallback } from 'react';
import type { PassageView } from '../../shared/api';
import { api } from '../api/client';
import { useToast } from '../ui/toastContext';
import { useAction } from '../ui/useAction';

export interface PassageCorrections {
  /** Attaches an orphan where the matcher suggested (it was too unsure to do it alone). */
  acceptSuggestion: (passage: PassageView) => Promise<void>;
  /** Keeps a fuzzy attachment, marked confirmed. */
  confirm: (passage: PassageView) => Promise<void>;
  /** Refuses a fuzzy attachment: the passage becomes an orphan that suggests that place. */
  reject: (passage: PassageView) => Promise<void>;
}

/** The analyst's verdicts on where a new version left a passage. */
export function usePassageCorrections(): PassageCorrections {
  const run = useAction();
  const toast = useToast();

  const acceptSuggestion = useCallback(
    async ({ id, suggestion }: PassageView) => {
      if (!suggestion) return;
      const { start, end } = suggestion;
      const attached = await run('Could not re-attach the passage', () =>
        api.reattachPassage({ passageId: id, start, end }),
      );
      if (attached) toast({ kind: 'success', message: 'Passage re-attached' });
    },
    [run, toast],
  );

  const confirm = useCallback(
    async ({ id }: PassageView) => {
      await run('Could not confirm the passage', () =>
        api.reviewPassage({ passageId: id, decision: 'confirm' }),
      );
    },
    [run],
  );

  const reject = useCallback(
    async ({ id }: PassageView) => {
      const rejected = await run('Could not reject the attachment', () =>
        api.reviewPassage({ passageId: id, decision: 'reject' }),
      );
      if (rejected) {
        toast({
          kind: 'info',
          message: 'The passage is now not found; select new words to re-attach it.',
        });
      }
    },
    [run, toast],
  );

  return { acceptSuggestion, confirm, reject };
}
