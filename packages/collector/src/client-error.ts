import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

const REASONS: Record<string, [status: number, message: string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'the request did not arrive in time; send it at once'],
  HPE_HEADER_OVERFLOW: [431, 'the request headers are too large'],
};

/**
 * The server's `clientError` listener: a request Node refuses before any handler runs (headers too slow,
 * too large, not HTTP) gets the same `{ "error": "[touchpoint] …" }` body as every other error, where
 * Node's own answer has none. There is no response object then: the answer is written to the socket.
 * @see https://nodejs.org/api/http.html#event-clienterror
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A connection gone, or one already answered (a handler replied before the body was read), gets nothing.
  if (error.code === 'ECONNRESET' || !socket.writable || (socket as { bytesWritten?: number }).bytesWritten) {
    return void socket.destroy();
  }
  const [status, message] = REASONS[error.code ?? ''] ?? [400, 'the request is not valid HTTP/1.1'];
  const body = JSON.stringify({ error: `[touchpoint] ${message}` });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  );
}
