/** Whether a key press belongs to what has focus rather than to a screen's shortcuts: typing, a menu, an open dialog, a modifier. */
export function isForFocus(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  const target = e.target instanceof Element ? e.target : null;
  if (!target) return false;
  if (target.closest('[role="dialog"], textarea, select')) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes(target.type);
}
