// <tandem-board project="WEB" server="https://tandem.example.com">: the board
// as a custom element. The token provider is a property, not an attribute
// (a token never belongs in markup): `el.getToken = () => fetch(...)...`. The
// board mounts once the element is in the document with a project and a
// token provider, and remounts when either attribute changes.
import { mountBoard, type MountedBoard } from './mount.tsx';

export class TandemBoardElement extends HTMLElement {
  static observedAttributes = ['project', 'server'];
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
    const project = this.getAttribute('project');
    const provider = this.#getToken;
    if (!this.isConnected || !project || !provider) return;
    this.#mounted = mountBoard(this, { projectKey: project, server: this.getAttribute('server') ?? undefined, getToken: provider });
  }
}

export function defineTandemBoard(name = 'tandem-board'): void {
  if (!customElements.get(name)) customElements.define(name, TandemBoardElement);
}
