import { useEffect } from 'react';

/** Each page names itself in the window title, the first thing a screen reader announces. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Repatria`;
  }, [title]);
}
