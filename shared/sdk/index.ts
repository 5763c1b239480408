// The Tandem protocol SDK: one socket with an outbox (connection.ts), per-project
// seq order (project-feed.ts), and the outbox interface a page persists writes with.
export { makeConnection } from './connection.ts';
export type {
  Clock,
  Connection,
  ConnectionOptions,
  ConnectionState,
  Reply,
  RequestOptions,
  TokenProvider,
  Unsubscribe,
} from './connection.ts';
export { makeProjectFeed } from './project-feed.ts';
export type { FeedTransport, ProjectFeed, ProjectFeedOptions } from './project-feed.ts';
export { makeMemoryOutbox } from './outbox.ts';
export type { Outbox, OutboxEntry, WriteMeta } from './outbox.ts';
export { ConnectionError, RequestError } from './errors.ts';
export type { ConnectionErrorReason } from './errors.ts';
export { COMMAND_KINDS, commandName, projectIdOfCommand, projectIdOfResult } from './commands.ts';
export type { Command, CommandKind } from './commands.ts';
export { DEFAULT_BACKOFF, retryDelay } from './backoff.ts';
export type { BackoffOptions } from './backoff.ts';
export { CLOSE_TOKEN_EXPIRED, classifyClose } from '../protocol/close-codes.ts';
export type { CloseKind } from '../protocol/close-codes.ts';
export { SUBPROTOCOL } from '../protocol/wire.ts';
export type { CloseEventLike, MessageEventLike, SocketLike, WebSocketConstructor } from './socket.ts';
