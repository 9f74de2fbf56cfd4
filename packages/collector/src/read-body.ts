import type { IncomingMessage } from 'node:http';

/** Why a body could not be read; `status` is the HTTP answer to give. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a request body up to `maxBytes`, failing fast on a declared or actual size above it (413) and
 * on a client that sends too slowly (408) — a mounted handler cannot rely on the server's own timeouts.
 */
export function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > maxBytes) {
      reject(
        new BodyError(413, `the body is ${declared} bytes; the limit is ${maxBytes}: send smaller batches`),
      );
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      done(new BodyError(408, `the body did not arrive within ${timeoutMs} ms`));
    }, timeoutMs);
    function done(error?: BodyError): void {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
      if (error) {
        // Stop reading; the caller answers and closes the connection.
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    }
    function onData(chunk: Buffer): void {
      size += chunk.length;
      if (size > maxBytes)
        done(
          new BodyError(413, `the body is larger than the limit of ${maxBytes} bytes: send smaller batches`),
        );
      else chunks.push(chunk);
    }
    const onEnd = (): void => done();
    const onError = (): void => done(new BodyError(400, 'the request body could not be read'));
    const onAborted = (): void => done(new BodyError(400, 'the request was aborted'));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
  });
}
