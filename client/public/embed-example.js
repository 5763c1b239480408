// The example host page's script, served as is (no bundling), doing what a
// host would: load the module from the Tandem server, give <tandem-board> a
// token provider, a view and what it needs (a project key, or an item key).
const TANDEM_SERVER = window.location.origin; // the server that serves /embed/tandem-board.js
// Defines <tandem-board>; awaited at sign-in, so the form works before it arrives.
const loaded = import(`${TANDEM_SERVER}/embed/tandem-board.js`);

const form = document.getElementById('login');
const status = document.getElementById('status');
const board = document.getElementById('board');
const where = document.getElementById('where');

// The embed moves inside itself and leaves this page's URL alone; a host that wants its own URL to follow listens here.
board.addEventListener('tandem-navigate', (event) => {
  where.textContent = `Inside the embed: ${event.detail.path}`;
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  status.textContent = 'Signing in…';
  const res = await fetch(`${TANDEM_SERVER}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: data.get('email'), password: data.get('password') }),
  });
  if (!res.ok) {
    status.textContent = res.status === 401 ? 'Wrong email or password.' : `Login failed (${res.status}).`;
    return;
  }
  const grant = await res.json();
  let token = grant.token;
  status.textContent = `Signed in as ${grant.user.displayName}.`;
  await loaded;
  const expiresAt = (jwt) => JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp * 1000;
  // The token provider: asked before every connection attempt. Tandem's tokens
  // are short-lived, so within a minute of its end this page gets the next one
  // with the session cookie the log-in set; a host would sign a fresh one.
  board.setAttribute('server', TANDEM_SERVER);
  board.setAttribute('view', String(data.get('view')));
  board.setAttribute('project', String(data.get('project')).toUpperCase());
  board.setAttribute('item', String(data.get('item')).toUpperCase());
  board.getToken = async () => {
    if (expiresAt(token) - Date.now() < 60_000) {
      const next = await fetch(`${TANDEM_SERVER}/api/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (next.ok) token = (await next.json()).token;
    }
    return token;
  };
});
// Enabled only now: a submit before the handler was in place would send the form as a GET, password and all, in the URL.
form.querySelector('button[type="submit"]').disabled = false;

