/**
 * The interfaces of the realtime pushes (API Gateway WebSocket): the handlers
 * in functions/ws and the notifier depend on these; shared/adapters implements
 * them for AWS, and the local runtime may supply its own (see
 * shared/realtime-wiring.ts).
 */

export interface ConnectionRecord {
  connectionId: string;
  userId: string;
  /** when API Gateway opened it: the connection expires 2 h later */
  connectedAt: Date;
}

export interface ConnectionStore {
  save(connection: ConnectionRecord): Promise<void>;
  /** Idempotent: removing a connection that is not stored (any more) is fine. */
  remove(connectionId: string): Promise<void>;
  /** The user's open connection ids, oldest first (expired ones left out). */
  listForUser(userId: string): Promise<string[]>;
}

/** 'gone': the client disconnected without $disconnect reaching us; forget the connection. */
export type PostOutcome = 'sent' | 'gone';

export interface ConnectionPoster {
  /** Sends `payload` as one JSON text frame; throws on anything but sent or gone. */
  post(connectionId: string, payload: unknown): Promise<PostOutcome>;
  /** Closes the connection (its $disconnect follows); one already gone is fine. */
  close(connectionId: string): Promise<void>;
}

export interface TokenVerifier {
  /**
   * The user id (the token's `sub`) of a valid end-user token. Throws
   * UnauthorizedError (shared/domain/errors.ts) for any token it does not accept.
   */
  verify(token: string): Promise<string>;
}
