import { useEffect, useId, useRef, useState } from 'react';

/**
 * A disclosure (a button that shows and hides a panel): a click outside `root` or Escape closes
 * it, and Escape returns focus to the button. Escape is left to a disclosure open inside this
 * one (the user menu inside the phone menu), which closes first.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const away = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const inner = [...(root.current?.querySelectorAll('[aria-expanded="true"]') ?? [])];
      if (inner.some((element) => element !== button.current)) return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  return { open, setOpen, root, button, panelId };
}
