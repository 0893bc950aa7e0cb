import type { ReactNode } from 'react';

/** The snippet as text with `<mark>` around the matched ranges (React elements, never HTML). */
export function Snippet({
  text,
  highlights,
}: {
  text: string;
  highlights: ReadonlyArray<readonly [number, number]>;
}) {
  const parts: ReactNode[] = [];
  let position = 0;
  const ordered = [...highlights].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of ordered) {
    const from = Math.max(start, position);
    if (end <= from || from >= text.length) continue;
    if (from > position) parts.push(text.slice(position, from));
    parts.push(<mark key={from}>{text.slice(from, end)}</mark>);
    position = Math.min(end, text.length);
  }
  if (position < text.length) parts.push(text.slice(position));
  return (
    <p className="snippet" dir="auto">
      {parts}
    </p>
  );
}
