import { useMemo } from 'react';
import type { HighlightColor } from '../../shared/passages';
import { api } from '../api/client';
import { useLiveQuery } from '../app/useLiveQuery';

/** The analyst's names for the colours that have one ("claim", "evidence"…). */
export type ColorLabels = ReadonlyMap<HighlightColor, string>;

/** The colours' names, kept live: a colour renamed elsewhere is renamed here. */
export function useColorLabels(): ColorLabels {
  const query = useLiveQuery(['highlightColors'], 'highlightColors', () =>
    api.listHighlightColors({}),
  );
  return useMemo(
    () =>
      new Map(
        (query.data ?? []).flatMap(({ color, label }) => (label ? [[color, label] as const] : [])),
      ),
    [query.data],
  );
}

/**
 * A colour as a sentence names it: "green", or "green (evidence)" once the
 * analyst named it (the name isolated, so a Persian name keeps its direction).
 */
export function colorName(color: HighlightColor, labels: ColorLabels): string {
  const label = labels.get(color);
  return label ? `${color} (\u2068${label}\u2069)` : color;
}

/** The colour itself, as a heading writes it: "Green". */
export function colorWord(color: HighlightColor): string {
  return color.charAt(0).toUpperCase() + color.slice(1);
}

/** What a colour's chip or menu entry shows: the analyst's name, else the colour ("Green"). */
export function colorTitle(color: HighlightColor, labels: ColorLabels): string {
  return labels.get(color) ?? colorWord(color);
}
