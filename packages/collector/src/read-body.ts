import type { IncomingMessage } from 'node:http';

/**
 * A body over the limit but below this multiple of it is read to the end and thrown away before the 413,
 * so the client (a browser still uploading) sees the answer instead of a reset connection and can split
 * its batch. Anything larger is cut off.
 */
const DRAIN_FACTOR = 8;

/** Why a body could not be read: `status` is the HTTP answer; `close` says the connection must close. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly close: boolean,
  ) {
    super(message);
  }
}

/**
 * Reads a request body up to `maxBytes` (413 above it) within `timeoutMs` (408 for clients that send too
 * slowly — a mounted handler cannot rely on the server's own timeouts).
 */
export function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = `the body is larger than the limit of ${maxBytes} bytes: send smaller batches`;
    const drainLimit = maxBytes * DRAIN_FACTOR;
    if (Number(req.headers['content-length']) > drainLimit) {
      reject(new BodyError(413, tooLarge, true));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      done(new BodyError(408, `the body did not arrive within ${timeoutMs} ms`, true));
    }, timeoutMs);
    function done(error?: BodyError): void {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
      if (error) {
        // Stop reading; the caller answers (and closes the connection when asked).
        if (error.close) req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    }
    function onData(chunk: Buffer): void {
      size += chunk.length;
      if (size > drainLimit) done(new BodyError(413, tooLarge, true));
      else if (size <= maxBytes) chunks.push(chunk);
    }
    const onEnd = (): void => done(size > maxBytes ? new BodyError(413, tooLarge, false) : undefined);
    const onError = (): void => done(new BodyError(400, 'the request body could not be read', true));
    const onAborted = (): void => done(new BodyError(400, 'the request was aborted', true));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
  });
}
