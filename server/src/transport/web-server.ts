// The uWebSockets.js app that HTTP routes, the /ws endpoint and topic
// publishing share. Nothing outside transport/ sees uWS.
import uWS from 'uWebSockets.js';
import type { Router } from '../http/router.ts';
import { httpRouter } from './http-adapter.ts';
import { TopicBroadcaster } from './topic-broadcaster.ts';

/**
 * The uWebSockets.js package quietly swaps in a Node.js imitation of itself
 * when UWS_USE_FALLBACK is set or its binary does not load (another Node.js
 * ABI, platform or libc): a console line, then a server that looks fine and
 * is not the one Tandem was built and measured on. Its functions are
 * JavaScript, the binding's are native, so the App factory tells them apart.
 */
export function nativeBindingProblem(): string | null {
  if (Function.prototype.toString.call(uWS.App).includes('[native code]')) return null;
  const binary = `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`;
  // The values the package's src/uws.js takes as "on".
  const flagged = /^(1|true)$/i.test(process.env['UWS_USE_FALLBACK'] ?? '');
  const why = flagged
    ? `UWS_USE_FALLBACK is set to ${JSON.stringify(process.env['UWS_USE_FALLBACK'])}; unset it`
    : `its binary for this system (${binary}) did not load (see the warning above); run a Node.js version and platform the package ships a binary for`;
  return `uWebSockets.js loaded its Node.js fallback, not its native binding, and Tandem runs only on the native one (the fallback is slower and is not what Tandem is tested on): ${why}`;
}

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
