import type { KeyboardEvent } from 'react';

export interface ComboboxKeyState {
  count: number;
  open: boolean;
  active: number;
  setOpen: (open: boolean) => void;
  setActive: (active: number) => void;
  /** Chooses the active suggestion, if there is one; false when none is active. */
  chooseActive: () => boolean;
  close: () => void;
}

/**
 * The combobox's keys (WAI-ARIA): arrows open the list and move through it, Enter chooses,
 * Escape closes, Tab closes and moves on. True when the key was the combobox's own (the
 * caller's handler is not called then).
 */
export function handleComboboxKey(
  event: KeyboardEvent<HTMLInputElement>,
  state: ComboboxKeyState,
): boolean {
  const { count, open, active } = state;
  switch (event.key) {
    case 'ArrowDown':
      if (count === 0) return false;
      event.preventDefault();
      if (!open) {
        state.setOpen(true);
        state.setActive(event.altKey ? -1 : 0);
      } else state.setActive((active + 1) % count);
      return true;
    case 'ArrowUp':
      if (count === 0) return false;
      event.preventDefault();
      if (!open) {
        state.setOpen(true);
        state.setActive(count - 1);
      } else state.setActive(active <= 0 ? count - 1 : active - 1);
      return true;
    case 'Enter':
      if (open && state.chooseActive()) {
        event.preventDefault();
        return true;
      }
      state.close();
      return false;
    case 'Escape':
      if (!open) return false;
      event.preventDefault();
      event.stopPropagation();
      state.close();
      return true;
    case 'Tab':
      state.close();
      return false;
    default:
      return false;
  }
}
