/**
 * Typed errors. Messages are built from the operationId, method and path template, never from
 * the URL, so the secret (which travels in the query) cannot leak into a message or stack; text
 * taken from a response goes through the client's redactor first.
 *
 * Each class declares its name as a literal-typed field (as ky's errors do): the declarations then
 * say which name each class has, `switch (err.name)` narrows, and the name is a string, not the
 * constructor's name, so a bundler or minifier that renames classes changes nothing.
 */

/**
 * Marks a ClientError. A registered symbol (Symbol.for), so that isClientError also recognises
 * errors from another realm (a vm context, a test runner's sandbox) or another generated client,
 * where `instanceof` says no.
 */
const CLIENT_ERROR = Symbol.for('pcdk.client-error');

/** The base of every error a client throws. */
export class ClientError extends Error {
  // Widened to string so that each subclass can declare its own literal name.
  override name: string = 'ClientError';
  readonly operationId?: string;

  static {
    // On the prototype, not each instance: the brand stays out of the error's own properties
    // and out of the declarations, and costs nothing per error.
    Object.defineProperty(ClientError.prototype, CLIENT_ERROR, { value: true });
  }

  constructor(message: string, operationId?: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    if (operationId !== undefined) this.operationId = operationId;
  }
}

/** True for any error a client throws (HttpError, TimeoutError, ...), whichever realm made it. */
export function isClientError(e: unknown): e is ClientError {
  return (
    e instanceof ClientError ||
    (typeof e === 'object' && e !== null && (e as { [CLIENT_ERROR]?: unknown })[CLIENT_ERROR] === true)
  );
}

/** The error body ConvertKit (and most JSON APIs) send: `{ error, message }`. */
export interface ErrorBody {
  error?: string;
  message?: string;
  [key: string]: unknown;
}

/** The server answered with a non-2xx status. */
export class HttpError extends ClientError {
  override name = 'HttpError' as const;
  readonly status: number;
  /** Parsed JSON body, when the response was JSON. */
  readonly body?: ErrorBody;
  /** The start of a non-JSON body (an HTML error page, a plain-text 429), redacted. */
  readonly text?: string;
  constructor(
    operationId: string,
    status: number,
    statusText: string,
    body: ErrorBody | undefined,
    text: string | undefined,
  ) {
    const detail = body
      ? [body.error, body.message].filter(Boolean).join(': ')
      : text
        ? text.slice(0, 120)
        : statusText;
    super(`${operationId} failed with HTTP ${status}${detail ? `: ${detail}` : ''}`, operationId);
    this.status = status;
    if (body !== undefined) this.body = body;
    if (text !== undefined) this.text = text;
  }
}

/** A 2xx response whose body is not the JSON the operation promises. */
export class InvalidResponseError extends ClientError {
  override name = 'InvalidResponseError' as const;
  readonly status: number;
  constructor(operationId: string, status: number, reason: string) {
    super(`${operationId} returned HTTP ${status} with a body that is not valid JSON: ${reason}`, operationId);
    this.status = status;
  }
}

export class TimeoutError extends ClientError {
  override name = 'TimeoutError' as const;
  readonly timeoutMs: number;
  constructor(operationId: string, timeoutMs: number) {
    super(`${operationId} timed out after ${timeoutMs} ms`, operationId);
    this.timeoutMs = timeoutMs;
  }
}

/** The request never got a response (refused, reset, DNS...). `cause` is a redacted copy. */
export class NetworkError extends ClientError {
  override name = 'NetworkError' as const;
  constructor(operationId: string, cause: Error) {
    super(`${operationId} failed: network error: ${cause.message}`, operationId, cause);
  }
}

/** The caller aborted through its AbortSignal. */
export class AbortError extends ClientError {
  override name = 'AbortError' as const;
  constructor(operationId: string) {
    super(`${operationId} was aborted by the caller`, operationId);
  }
}
