// Issue "Speed", part 1: a board opens with its first screen (the first
// cards of each column, GetBoard.first_cards_per_column), and the whole
// board follows once that is painted; the copy saved on the device is the
// whole board. Real built client in Debian's Chromium, real server on port 0.
import { describe, expect, it } from 'vitest';
import { pb } from '../../shared/proto.ts';
import { SOCKET_PATH } from '../../shared/protocol/wire.ts';
import { signup } from '../../server/test/support/accounts.ts';
import { startTestServer } from '../../server/test/support/test-server.ts';
import { TestClient } from '../../server/test/support/ws-client.ts';
import { boardReady, column, createManyCards, letters, signedInContext } from './support/board-seed.ts';
import { savedBoard } from './support/saved-board.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

describe('first screen first', () => {
  it('UI-FIRST-1 a board of 130 cards opens with the first 50 of each column, its counts saying there are more, then the whole board follows without a reload; the device saves only the whole one', async () => {
    // Its own server: 130 writes at once are over the default rate limit.
    const srv = await startTestServer({ RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000' });
    const ada = await signup(srv.http, 'Ada Lovelace');
    const socket = await TestClient.connect(srv.ws, ada.token);
    const context = await signedInContext(world.browser, srv.http, ada);
    try {
      const key = `S${letters()}`;
      const project = (await socket.ok({ createProject: { key, name: 'Many cards', description: '' } })).project!;
      const status = Object.fromEntries(project.statuses!.map((st) => [st.name!, st.id!]));
      await createManyCards(socket, project.id!, status['To Do']!, 120, (i) => `Todo ${i}`);
      await createManyCards(socket, project.id!, status['In Progress']!, 10, (i) => `Doing ${i}`);

      const page = await context.newPage();
      // The page's socket through a route that reads what the client asks and holds the whole board's request.
      const asked: number[] = [];
      let heldWhole: (() => void) | null = null;
      await page.routeWebSocket(
        (url) => url.pathname === SOCKET_PATH,
        (ws) => {
          const server = ws.connectToServer();
          ws.onMessage((message) => {
            const frame = typeof message === 'string' ? null : pb.ClientFrame.decode(message);
            if (frame?.getBoard) asked.push(frame.getBoard.firstCardsPerColumn ?? 0);
            if (frame?.getBoard && !frame.getBoard.firstCardsPerColumn) heldWhole = () => server.send(message);
            else server.send(message);
          });
          server.onMessage((message) => ws.send(message));
        },
      );
      await page.goto(`/p/${key}`);
      await boardReady(page);
      // The first screen: To Do's first 50 of 120, said to be more; In Progress whole; nothing saved on the device yet.
      await expect.poll(() => asked).toEqual([50, 0]);
      expect(await column(page, 'To Do').getByTestId('column-count').textContent()).toBe('50+');
      expect(await column(page, 'In Progress').getByTestId('column-count').textContent()).toBe('10');
      expect(await page.getByTestId('filter-count').textContent()).toBe('60+ cards');
      expect(await page.locator('[data-testid="card-title"]', { hasText: 'Todo 1' }).first().isVisible()).toBe(true);
      expect(await savedBoard(page, ada, key)).toBeNull();

      heldWhole!();
      await expect.poll(() => column(page, 'To Do').getByTestId('column-count').textContent()).toBe('120');
      expect(await page.getByTestId('filter-count').textContent()).toBe('130 cards');
      await expect.poll(async () => (await savedBoard(page, ada, key))?.board.workItems?.length ?? null).toBe(130);
    } finally {
      socket.close();
      await context.close();
      await srv.stop();
    }
  });
});
