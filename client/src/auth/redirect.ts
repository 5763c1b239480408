// Where to go after signing in. `next` comes from the URL, so only a path on
// this site is followed (never `//evil.example` or an absolute URL).
export function safeNext(next: string | undefined | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/signup')) return '/';
  return next;
}

/** The login page that returns to `path` afterwards (plain /login for the home page). */
export function loginHref(path: string): string {
  const next = safeNext(path);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
