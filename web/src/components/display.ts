export type Theme = 'standard' | 'contrast';
export type TextSize = 'normal' | 'large' | 'larger';
export interface Display {
  theme: Theme;
  text: TextSize;
}

const KEY = 'qbank.display';

/** The display chosen on this device; until one is chosen, the system's wish for more contrast decides the theme. */
export function loadDisplay(storage: Pick<Storage, 'getItem'> = localStorage, prefersContrast = matchMedia('(prefers-contrast: more)').matches): Display {
  let saved: Partial<Display> = {};
  try {
    saved = JSON.parse(storage.getItem(KEY) ?? '{}') as Partial<Display>;
  } catch {
    // an unreadable value is as good as none
  }
  return {
    theme: saved.theme === 'contrast' || saved.theme === 'standard' ? saved.theme : prefersContrast ? 'contrast' : 'standard',
    text: saved.text === 'large' || saved.text === 'larger' ? saved.text : 'normal',
  };
}

/** Applies a display to the page (attributes the stylesheet keys on) and keeps it for the next visit. */
export function applyDisplay(display: Display, root: HTMLElement = document.documentElement, storage: Pick<Storage, 'setItem'> | null = localStorage) {
  root.dataset.theme = display.theme;
  root.dataset.text = display.text;
  storage?.setItem(KEY, JSON.stringify(display));
}
