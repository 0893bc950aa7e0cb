import { useLayoutEffect, useRef, type ReactNode } from 'react';

interface MenuPopoverProps {
  /** The element the menu opens beside; focus goes back to it when the menu is dismissed. */
  anchor: HTMLElement;
  label: string;
  onClose: () => void;
  /** `MenuItem`s. */
  children: ReactNode;
}

const items = '[role="menuitem"]:not([aria-disabled="true"])';

/**
 * A small menu in the top layer, so the sidebar's scrolling never clips it. It
 * opens with its first item focused; arrows, Home and End move between items;
 * Escape or a click elsewhere dismisses it, and choosing an item closes it.
 */
export function MenuPopover({ anchor, label, onClose, children }: MenuPopoverProps) {
  const menuRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    menu.showPopover();
    placeBeside(menu, anchor);
    menu.querySelector<HTMLElement>(items)?.focus();
  }, [anchor]);

  const moveFocus = (event: React.KeyboardEvent) => {
    const choices = [...(menuRef.current?.querySelectorAll<HTMLElement>(items) ?? [])];
    const at = choices.indexOf(document.activeElement as HTMLElement);
    const next = {
      ArrowDown: (at + 1) % choices.length,
      ArrowUp: (at - 1 + choices.length) % choices.length,
      Home: 0,
      End: choices.length - 1,
    }[event.key];
    if (next === undefined || choices.length === 0) return;
    event.preventDefault();
    choices[next]?.focus();
  };

  return (
    <div
      ref={menuRef}
      popover="auto"
      role="menu"
      aria-label={label}
      className="menu-popover"
      data-testid="menu-popover"
      onKeyDown={moveFocus}
      onClick={(event) => {
        if ((event.target as Element).closest(items)) menuRef.current?.hidePopover();
      }}
      onToggle={(event) => {
        if (event.newState !== 'closed') return;
        // Dismissed: focus goes back where it was; an item that moved it elsewhere keeps it there.
        const focus = document.activeElement;
        if (!focus || focus === document.body || menuRef.current?.contains(focus)) anchor.focus();
        onClose();
      }}
    >
      {children}
    </div>
  );
}

/** Below the anchor (above it when there is no room), inside the window. */
function placeBeside(menu: HTMLElement, anchor: HTMLElement) {
  const gap = 4;
  const margin = 8;
  const around = anchor.getBoundingClientRect();
  const { width, height } = menu.getBoundingClientRect();
  const below = around.bottom + gap;
  const top = below + height > window.innerHeight - margin ? around.top - gap - height : below;
  const left = Math.min(around.left, window.innerWidth - width - margin);
  menu.style.top = `${Math.max(margin, top)}px`;
  menu.style.left = `${Math.max(margin, left)}px`;
}

interface MenuItemProps {
  /** Left out of an item that only says something (disabled). */
  onSelect?: () => void;
  children: ReactNode;
  testId?: string;
  danger?: boolean;
  /** Shown but not chosen: it says why there is nothing to choose. */
  disabled?: boolean;
}

export function MenuItem({ onSelect, children, testId, danger, disabled }: MenuItemProps) {
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      aria-disabled={disabled || undefined}
      className={danger ? 'menu-item menu-item-danger' : 'menu-item'}
      data-testid={testId}
      onClick={onSelect}
    >
      {children}
    </button>
  );
}
