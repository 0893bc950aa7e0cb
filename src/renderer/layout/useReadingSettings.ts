import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';

export const fontSizes = { min: 14, max: 24, step: 2, initial: 18 };

/** Line widths as the reader's `max-width`, in characters of its own font. */
export const lineWidths = { narrow: 45, medium: 60, wide: 80 } as const;
export type LineWidth = keyof typeof lineWidths;

export interface ReadingPreferences {
  fontSize: number;
  lineWidth: LineWidth;
}

export interface ReadingSettings extends ReadingPreferences {
  setFontSize: (fontSize: number) => void;
  setLineWidth: (lineWidth: LineWidth) => void;
  /** The custom properties the reader's text takes its size and measure from (layout.css). */
  style: CSSProperties;
}

/** The same for every window, and kept across launches. */
const storageKey = 'dossier.reading';
const initial: ReadingPreferences = { fontSize: fontSizes.initial, lineWidth: 'medium' };

function isLineWidth(value: unknown): value is LineWidth {
  return typeof value === 'string' && Object.hasOwn(lineWidths, value);
}

function validFontSize(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return Math.min(fontSizes.max, Math.max(fontSizes.min, Math.round(value)));
}

function restore(): ReadingPreferences {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Record<string, unknown>;
    return {
      fontSize: validFontSize(saved.fontSize) ?? initial.fontSize,
      lineWidth: isLineWidth(saved.lineWidth) ? saved.lineWidth : initial.lineWidth,
    };
  } catch {
    return initial;
  }
}

/** The reader's font size and line width, as the analyst set them. */
export function useReadingSettings(): ReadingSettings {
  const [preferences, setPreferences] = useState(restore);
  const { fontSize, lineWidth } = preferences;

  useEffect(() => {
    localStorage.setItem(storageKey, JSON.stringify({ fontSize, lineWidth }));
  }, [fontSize, lineWidth]);

  const setFontSize = useCallback((next: number) => {
    const size = validFontSize(next);
    if (size !== null) setPreferences((current) => ({ ...current, fontSize: size }));
  }, []);
  const setLineWidth = useCallback(
    (next: LineWidth) => setPreferences((current) => ({ ...current, lineWidth: next })),
    [],
  );

  return useMemo(
    () => ({
      fontSize,
      lineWidth,
      setFontSize,
      setLineWidth,
      style: {
        '--reading-font-size': `${fontSize}px`,
        '--reading-measure': `${lineWidths[lineWidth]}ch`,
      } as CSSProperties,
    }),
    [fontSize, lineWidth, setFontSize, setLineWidth],
  );
}
