// The world most e2e files share: a real server on port 0, Debian's Chromium,
// Ada (who signs up), Bob and Vic (whom she invites), and Ada's TestClient
// socket for seed data and for checking the server's state. `useWorld()`
// registers the vitest hooks that start and stop it; call it once at the top
// level of a test file and read the fields inside tests (they are set by the
// beforeAll hook, not when useWorld returns).
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { invite, signup, type Session } from '../../../server/test/support/accounts.ts';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.ts';
import { TestClient } from '../../../server/test/support/ws-client.ts';
import { signedInContext } from './board-seed.ts';
import { launchBrowser, openContext } from './browser.ts';

export interface WorldOptions {
  /** Invite Vic Viewer too (default true). */
  vic?: boolean;
  /** Connect a TestClient socket as Bob too (default false). */
  bobSocket?: boolean;
  /** Settings for the server, as environment variables (WEBHOOKS_ALLOW_PRIVATE, say). */
  serverEnv?: Record<string, string>;
}

export interface World {
  readonly srv: TestServer;
  readonly browser: Browser;
  readonly ada: Session;
  readonly bob: Session;
  /** Only when invited (the default). */
  readonly vic: Session;
  readonly adaSocket: TestClient;
  /** Only with `bobSocket: true`. */
  readonly bobSocket: TestClient;
  /** A fresh context whose tabs are signed in as `who`, closed after the test. */
  contextFor(who: Session, options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A fresh context signed in as nobody, closed after the test. */
  blankContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A browser tab signed in as `who`, the way the app keeps a session (sessionStorage), on `path`. */
  pageFor(who: Session, path: string, options?: BrowserContextOptions): Promise<Page>;
}

export function useWorld(options: WorldOptions = {}): World {
  const { vic: withVic = true, bobSocket: withBobSocket = false, serverEnv = {} } = options;
  let srv: TestServer | undefined;
  let browser: Browser | undefined;
  let ada: Session | undefined;
  let bob: Session | undefined;
  let vic: Session | undefined;
  let adaSocket: TestClient | undefined;
  let bobSocket: TestClient | undefined;
  const open: BrowserContext[] = [];

  beforeAll(async () => {
    [srv, browser] = await Promise.all([startTestServer(serverEnv), launchBrowser()]);
    ada = await signup(srv.http, 'Ada Lovelace');
    if (withVic) [bob, vic] = await Promise.all([invite(srv.http, ada, 'Bob Babbage'), invite(srv.http, ada, 'Vic Viewer')]);
    else bob = await invite(srv.http, ada, 'Bob Babbage');
    if (withBobSocket) [adaSocket, bobSocket] = await Promise.all([TestClient.connect(srv.ws, ada.token), TestClient.connect(srv.ws, bob.token)]);
    else adaSocket = await TestClient.connect(srv.ws, ada.token);
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    adaSocket?.close();
    bobSocket?.close();
    await Promise.all(open.splice(0).map((c) => c.close()));
    await browser?.close();
    await srv?.stop();
  });

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`world.${name} is not set: read it inside a test or hook, and ask useWorld() for it`);
    return value;
  };

  const world: World = {
    get srv() {
      return ready(srv, 'srv');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get ada() {
      return ready(ada, 'ada');
    },
    get bob() {
      return ready(bob, 'bob');
    },
    get vic() {
      return ready(vic, 'vic');
    },
    get adaSocket() {
      return ready(adaSocket, 'adaSocket');
    },
    get bobSocket() {
      return ready(bobSocket, 'bobSocket');
    },
    async contextFor(who, contextOptions = {}) {
      const context = await signedInContext(world.browser, world.srv.http, who, contextOptions);
      open.push(context);
      return context;
    },
    async blankContext(contextOptions = {}) {
      const context = await openContext(world.browser, world.srv.http, contextOptions);
      open.push(context);
      return context;
    },
    async pageFor(who, path, contextOptions = {}) {
      const page = await (await world.contextFor(who, contextOptions)).newPage();
      await page.goto(path);
      return page;
    },
  };
  return world;
}
