import { Popover } from '../ui/Popover';
import { fontSizes, lineWidths, type LineWidth, type ReadingSettings } from './useReadingSettings';

const lineWidthLabels: Record<LineWidth, string> = {
  narrow: 'Narrow',
  medium: 'Medium',
  wide: 'Wide',
};

/**
 * The reader's font size and line width, in a small menu. A slider and radio
 * buttons (not buttons) keep the menu open while the text changes behind it.
 */
export function ReadingSettings({ settings }: { settings: ReadingSettings }) {
  return (
    <Popover
      className="tool-menu reading-settings"
      summary={
        <span className="reading-settings-glyph" aria-hidden="true">
          Aa
        </span>
      }
      label="Reading settings"
    >
      <div className="reading-settings-body" data-testid="reading-settings">
        <label className="reading-setting">
          <span className="reading-setting-name">
            Font size <output>{settings.fontSize} px</output>
          </span>
          <input
            type="range"
            data-testid="reading-font-size"
            min={fontSizes.min}
            max={fontSizes.max}
            step={fontSizes.step}
            value={settings.fontSize}
            aria-valuetext={`${settings.fontSize} px`}
            onChange={(event) => settings.setFontSize(Number(event.target.value))}
          />
        </label>
        <fieldset className="reading-setting">
          <legend className="reading-setting-name">Line width</legend>
          <div className="reading-line-widths">
            {(Object.keys(lineWidths) as LineWidth[]).map((width) => (
              <label key={width}>
                <input
                  type="radio"
                  name="reading-line-width"
                  value={width}
                  checked={settings.lineWidth === width}
                  onChange={() => settings.setLineWidth(width)}
                />
                {lineWidthLabels[width]}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    </Popover>
  );
}
