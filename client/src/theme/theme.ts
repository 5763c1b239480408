// Light or dark. With no choice saved the page follows the system
// (prefers-color-scheme) live; the toggle saves an explicit choice, and
// toggling back to what the system says returns to following it.
import { createContext, createSignal, onCleanup, useContext, type Accessor } from 'solid-js';

export type Theme = 'light' | 'dark';
export type ThemeChoice = Theme | 'system';

const STORAGE_KEY = 'tandem.theme';

export interface ThemePreference {
  load(): ThemeChoice;
  save(choice: ThemeChoice): void;
}

export function makeThemePreference(storage: Storage | null): ThemePreference {
  return {
    load() {
      try {
        const v = storage?.getItem(STORAGE_KEY);
        return v === 'light' || v === 'dark' ? v : 'system';
      } catch {
        return 'system';
      }
    },
    save(choice) {
      try {
        if (choice === 'system') storage?.removeItem(STORAGE_KEY);
        else storage?.setItem(STORAGE_KEY, choice);
      } catch {
        // storage blocked: the choice lasts for this page only
      }
    },
  };
}

/** Writes the theme where the CSS looks for it: `<html data-theme>`. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset['theme'] = theme;
  root.style.colorScheme = theme;
}

export interface ThemeContextValue {
  theme: Accessor<Theme>;
  choice: Accessor<ThemeChoice>;
  toggle(): void;
}

function browserLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The app's theme. Owns the prefers-color-scheme listener; call inside a component or root. */
export function createTheme(preference: ThemePreference = makeThemePreference(browserLocalStorage())): ThemeContextValue {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const [systemTheme, setSystemTheme] = createSignal<Theme>(media.matches ? 'dark' : 'light');
  const [choice, setChoice] = createSignal<ThemeChoice>(preference.load());
  const theme = () => {
    const c = choice();
    return c === 'system' ? systemTheme() : c;
  };

  // The page's attribute changes before the signal, so whatever reacts to
  // the signal (charts reading the colour tokens) already sees the new values.
  const onSystemChange = (e: MediaQueryListEvent) => {
    const system: Theme = e.matches ? 'dark' : 'light';
    if (choice() === 'system') applyTheme(system);
    setSystemTheme(system);
  };
  media.addEventListener('change', onSystemChange);
  onCleanup(() => media.removeEventListener('change', onSystemChange));
  applyTheme(theme());

  return {
    theme,
    choice,
    toggle() {
      const next: Theme = theme() === 'dark' ? 'light' : 'dark';
      const saved: ThemeChoice = next === systemTheme() ? 'system' : next;
      preference.save(saved);
      applyTheme(next);
      setChoice(saved);
    },
  };
}

export const ThemeContext = createContext<ThemeContextValue>();

export function useTheme(): ThemeContextValue {
  const value = useContext(ThemeContext);
  if (!value) throw new Error('useTheme needs a <ThemeContext.Provider> above it');
  return value;
}
