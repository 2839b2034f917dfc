/** True while the media query matches; used to choose between a table (wide screens) and cards (narrow). */
import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** The width from which pages use their wide layout (tables, side-by-side columns). */
export const wideScreen = '(min-width: 62em)';
