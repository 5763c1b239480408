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
