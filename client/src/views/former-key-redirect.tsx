// A project page opened by a key the project had before (a link to WEB-12
// after WEB became APP), or one whose key changed while open: the address is
// rewritten to the current key, so every link made from it uses that one.
import { useLocation, useNavigate } from '@solidjs/router';
import { createEffect } from 'solid-js';
import { useLive } from '../store/live.ts';

const PROJECT_PATH = /^\/p\/([^/]+)(.*)$/;

export function FormerKeyRedirect() {
  const live = useLive();
  const location = useLocation();
  const navigate = useNavigate();
  createEffect(() => {
    const [, key = '', rest = ''] = PROJECT_PATH.exec(location.pathname) ?? [];
    if (!key) return;
    const current = live.projects.resolve(decodeURIComponent(key))?.key;
    if (current && current !== key) navigate(`/p/${current}${rest}${location.search}`, { replace: true });
  });
  return null;
}
