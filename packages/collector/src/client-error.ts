import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

const REASONS: Record<string, [status: number, message: string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'the request did not arrive in time; send it at once'],
  HPE_HEADER_OVERFLOW: [431, 'the request headers are too large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'the chunk extensions are too large'],
};

/**
 * The server's `clientError` listener: a request Node refuses before any handler runs (headers too slow,
 * too large, not HTTP) gets the same `{ "error": "[touchpoint] …" }` body as every other error, where
 * Node's own answer has none. There is no response object then: the answer is written to the socket.
 * @see https://nodejs.org/api/http.html#event-clienterror
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A connection gone gets nothing, nor one with an answer under way: begun (its handler replied before
  // the body was read), or still coming for an earlier request, which a client pipelining requests would
  // take this answer for. Only a timeout belongs to the request in hand (its body stopped coming: 408). An
  // earlier request's finished answer on a kept-alive connection is no reason to stay silent.
  const current = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  const timeout = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  if (error.code === 'ECONNRESET' || !socket.writable || (current && (current.headersSent || !timeout))) {
    return void socket.destroy();
  }
  const [status, message] = REASONS[error.code ?? ''] ?? [400, 'the request is not valid HTTP/1.1'];
  const body = JSON.stringify({ error: `[touchpoint] ${message}` });
  // Then closed both ways, as Node does: end() alone leaves the reading side open on a half-open socket,
  // which lets a slowloris client keep the connection for ever.
  socket.write(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  );
  socket.destroy();
}
