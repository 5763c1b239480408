// The setup most server test files share: a real server on port 0, Ada (who
// signs up), Bob (whom she invites) and a TestClient socket each, all closed
// after the file. `useTwoPeople()` registers the vitest hooks that start and
// stop them; call it once at the top level of a test file and read the fields
// inside tests, helpers and the file's own hooks (they are set by the
// beforeAll hook, not when useTwoPeople returns). A file's own beforeAll, for
// more people or a project, runs after this one if registered after it, and
// its own afterAll before this one stops the server. The browser tests' fixture
// is client/e2e/support/world.ts (useWorld).
import { afterAll, beforeAll } from 'vitest';
import { invite, signup, type Session } from './accounts.ts';
import { startTestServer, type TestServer } from './test-server.ts';
import { TestClient } from './ws-client.ts';

export interface TwoPeopleOptions {
  /** Display names, for tests that @mention them (default 'Ada' and 'Bob'). */
  names?: { ada?: string; bob?: string };
}

export interface TwoPeople {
  readonly srv: TestServer;
  readonly ada: Session;
  readonly bob: Session;
  readonly adaSocket: TestClient;
  readonly bobSocket: TestClient;
}

export function useTwoPeople(options: TwoPeopleOptions = {}): TwoPeople {
  const { ada: adaName = 'Ada', bob: bobName = 'Bob' } = options.names ?? {};
  let srv: TestServer | undefined;
  let ada: Session | undefined;
  let bob: Session | undefined;
  let adaSocket: TestClient | undefined;
  let bobSocket: TestClient | undefined;

  beforeAll(async () => {
    srv = await startTestServer();
    ada = await signup(srv.http, adaName);
    bob = await invite(srv.http, ada, bobName);
    adaSocket = await TestClient.connect(srv.ws, ada.token);
    bobSocket = await TestClient.connect(srv.ws, bob.token);
  });

  afterAll(async () => {
    adaSocket?.close();
    bobSocket?.close();
    await srv?.stop();
  });

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`world.${name} is not set: read it inside a test or hook, not when the file loads`);
    return value;
  };

  return {
    get srv() {
      return ready(srv, 'srv');
    },
    get ada() {
      return ready(ada, 'ada');
    },
    get bob() {
      return ready(bob, 'bob');
    },
    get adaSocket() {
      return ready(adaSocket, 'adaSocket');
    },
    get bobSocket() {
      return ready(bobSocket, 'bobSocket');
    },
  };
}
