// The embed's router: its location lives in memory, never in the host page's
// URL. Solid's own MemoryRouter does not fit a page it is a guest in: it takes
// every same-origin link click anywhere in the document (the host's own links,
// or a second embed's, would move this one), and each navigation scrolls the
// host page to its top. Here only links inside the mount are ours, and nothing
// scrolls.
import { createRouter, type RouteSectionProps } from '@solidjs/router';
import { onCleanup, type JSX } from 'solid-js';
import { delegateEvents } from 'solid-js/web';

type Entry = { value: string; state?: unknown };

/** A history of paths in memory; `changed` hears every new current path (for the host's navigate event). */
function makeMemoryHistory(start: string, changed: (path: string) => void) {
  const entries: Entry[] = [{ value: start }];
  let at = 0;
  const listeners = new Set<(value: string) => void>();
  const moved = () => {
    const { value } = entries[at]!;
    for (const listener of listeners) listener(value);
    changed(value);
  };
  return {
    get: () => entries[at]!,
    set: (next: Entry & { replace?: boolean }) => {
      const entry = { value: next.value, state: next.state };
      if (next.replace) entries[at] = entry;
      else entries.splice(++at, entries.length, entry);
      changed(entry.value);
    },
    go: (delta: number) => {
      const to = Math.max(0, Math.min(at + delta, entries.length - 1));
      if (to === at) return;
      at = to;
      moved();
    },
    listen: (listener: (value: string) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A plain left click on a link inside `root` to a path of ours: the path, else null (the browser does what it would). */
function linkTarget(root: HTMLElement, e: MouseEvent): string | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.altKey || e.ctrlKey || e.shiftKey) return null;
  const a = e.composedPath().find((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement);
  if (!a || !root.contains(a) || a.target || a.hasAttribute('download') || !a.href) return null;
  // Our links are written as paths, so they resolve against the host page's origin; any other is a real link out.
  const url = new URL(a.href);
  if (url.origin !== window.location.origin || !a.getAttribute('href')?.startsWith('/')) return null;
  return url.pathname + url.search + url.hash;
}

export function ScopedMemoryRouter(props: {
  root: HTMLElement;
  start: string;
  onNavigate(path: string): void;
  /** Drawn around every route, as Solid's `root` prop. */
  layout: (props: RouteSectionProps) => JSX.Element;
  children: JSX.Element;
}): JSX.Element {
  const history = makeMemoryHistory(props.start, (path) => props.onNavigate(path));
  const Router = createRouter({
    get: history.get,
    set: history.set,
    init: history.listen,
    create: (router) => {
      const navigate = router.navigatorFactory(router.base);
      const onClick = (e: MouseEvent) => {
        const path = linkTarget(props.root, e);
        if (path === null) return;
        e.preventDefault();
        navigate(path, { resolve: false, scroll: false });
      };
      // On the document after Solid's delegated handlers, as Solid's routers do: a link's own onClick (the
      // Inbox marking an entry read) runs first and may prevent the navigation.
      delegateEvents(['click']);
      document.addEventListener('click', onClick);
      onCleanup(() => document.removeEventListener('click', onClick));
    },
    utils: { go: history.go },
  });
  return <Router root={props.layout}>{props.children}</Router>;
}
