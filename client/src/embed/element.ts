// <tandem-board view="backlog" project="WEB" server="https://tandem.example.com">:
// mountBoard as a custom element. The token provider is a property, not an
// attribute (a token never belongs in markup): `el.getToken = () => fetch(...)`.
// It mounts once the element is in the document with a token provider and
// what its view needs (a project for the board and the backlog, an item for
// `view="item"`), and remounts when an attribute changes. Each move inside it
// is told to the host as a `tandem-navigate` event.
import type { EmbedTheme } from './embed-styles.ts';
import { mountBoard, type MountedBoard } from './mount.tsx';
import { parseEmbedView } from './views.ts';

export class TandemBoardElement extends HTMLElement {
  static observedAttributes = ['project', 'server', 'view', 'item', 'theme'];
  #getToken: (() => Promise<string>) | null = null;
  #mounted: MountedBoard | null = null;

  get getToken(): (() => Promise<string>) | null {
    return this.#getToken;
  }

  set getToken(provider: (() => Promise<string>) | null) {
    this.#getToken = provider;
    this.#remount();
  }

  connectedCallback(): void {
    this.#remount();
  }

  disconnectedCallback(): void {
    this.#unmount();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#remount();
  }

  #unmount(): void {
    this.#mounted?.unmount();
    this.#mounted = null;
  }

  #remount(): void {
    this.#unmount();
    const provider = this.#getToken;
    if (!this.isConnected || !provider) return;
    const view = parseEmbedView(this.getAttribute('view'));
    const project = this.getAttribute('project') ?? undefined;
    const item = this.getAttribute('item') ?? undefined;
    // A host sets attributes one at a time: wait for the one the view needs.
    if (view === 'item' ? !item : (view === 'board' || view === 'backlog') && !project) return;
    const theme = this.getAttribute('theme');
    this.#mounted = mountBoard(this, {
      view,
      projectKey: project,
      item,
      theme: theme === 'light' || theme === 'dark' ? (theme as EmbedTheme) : undefined,
      server: this.getAttribute('server') ?? undefined,
      getToken: provider,
      onNavigate: (path) => this.dispatchEvent(new CustomEvent('tandem-navigate', { detail: { path }, bubbles: true, composed: true })),
    });
  }
}

export function defineTandemBoard(name = 'tandem-board'): void {
  if (!customElements.get(name)) customElements.define(name, TandemBoardElement);
}
