import { lazy, Suspense, useRef, useState } from 'react';

// the menu's script loads when it is first opened: the start page ships without it
const DisplayPanel = lazy(() => import('./DisplayPanel'));

/** Contrast and text size, for anyone who reads better with more of either; the choice stays on this device. */
export function DisplayMenu() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={trigger} type="button" className="button secondary display-button" aria-label="Display: contrast and text size"
        aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">Aa</span>
      </button>
      {open && <Suspense fallback={null}><DisplayPanel triggerRef={trigger} onClose={() => setOpen(false)} /></Suspense>}
    </>
  );
}
