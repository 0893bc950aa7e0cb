import { Popover } from '../ui/Popover';
import { shortcuts } from './shortcuts';

/** Keyboard shortcuts, one click away (Cmd instead of Ctrl on macOS). */
export function ShortcutHelp() {
  return (
    <Popover className="shortcut-help" summary="?" label="Keyboard shortcuts">
      <>
        <dl>
          {Object.entries(shortcuts).map(([id, { keys, description }]) => (
            <div key={id}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{description}</dd>
            </div>
          ))}
        </dl>
        <p className="hint">On macOS use Cmd instead of Ctrl.</p>
      </>
    </Popover>
  );
}
