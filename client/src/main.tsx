import { render } from 'solid-js/web';
import { App } from './app.tsx';
import './styles/tokens.css';
import './styles/base.css';
import './styles/forms.css';
import './styles/auth.css';
import './styles/shell.css';
import './styles/board.css';

const mount = document.getElementById('app');
if (!mount) throw new Error('index.html has no #app element');
render(() => <App />, mount);

// The offline shell (client/public/sw.js): a reload without a network still
// opens the app, which then replays the edits kept in IndexedDB. Built
// bundles only: the dev server's modules change on every edit.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
