// The uWebSockets.js app that HTTP routes, the /ws endpoint and topic
// publishing share. Nothing outside transport/ sees uWS.
import uWS from 'uWebSockets.js';
import type { Router } from '../http/router.ts';
import { httpRouter } from './http-adapter.ts';
import { TopicBroadcaster } from './topic-broadcaster.ts';

export class WebServer {
  readonly app: uWS.TemplatedApp = uWS.App();
  readonly routes: Router = httpRouter(this.app);
  private listenSocket: uWS.us_listen_socket | null = null;

  /** Publishes to this server's sockets; told how many received each frame. */
  broadcaster(onDelivered: (count: number) => void): TopicBroadcaster {
    return new TopicBroadcaster(this.app, onDelivered);
  }

  /** Resolves with the port listened on (port 0 picks a free one). */
  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.app.listen(host, port, (socket) => {
        if (!socket) return reject(new Error(`could not listen on ${host}:${port} (in use?)`));
        this.listenSocket = socket;
        resolve(uWS.us_socket_local_port(socket as unknown as uWS.us_socket));
      });
    });
  }

  /** Stops accepting connections; open sockets stay until closed. */
  stopListening(): void {
    if (this.listenSocket) uWS.us_listen_socket_close(this.listenSocket);
    this.listenSocket = null;
  }
}
