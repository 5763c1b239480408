// The example host page's script, served as is (no bundling), doing what a
// host would: load the module from the Tandem server, give <tandem-board> a
// token provider and a project key.
const TANDEM_SERVER = window.location.origin; // the server that serves /embed/tandem-board.js
await import(`${TANDEM_SERVER}/embed/tandem-board.js`); // defines <tandem-board>

const form = document.getElementById('login');
const status = document.getElementById('status');
const board = document.getElementById('board');

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
  const { token, user } = await res.json();
  status.textContent = `Signed in as ${user.displayName}.`;
  // The token provider: asked before every connection attempt. A host would
  // refresh the token here when it is close to expiry.
  board.setAttribute('server', TANDEM_SERVER);
  board.setAttribute('project', String(data.get('project')).toUpperCase());
  board.getToken = async () => token;
});
