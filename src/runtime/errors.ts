/**
 * Typed errors. Messages are built from the operationId, method and path template, never from
 * the URL, so the secret (which travels in the query) cannot leak into a message or stack; text
 * taken from a response goes through the client's redactor first.
 */

export class ClientError extends Error {
  readonly operationId?: string;
  constructor(message: string, operationId?: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ClientError';
    if (operationId !== undefined) this.operationId = operationId;
  }
}

/** The error body ConvertKit (and most JSON APIs) send: `{ error, message }`. */
export interface ErrorBody {
  error?: string;
  message?: string;
  [key: string]: unknown;
}

/** The server answered with a non-2xx status. */
export class HttpError extends ClientError {
  readonly status: number;
  /** Parsed JSON body, when the response was JSON. */
  readonly body?: ErrorBody;
  /** The start of a non-JSON body (an HTML error page, a plain-text 429), redacted. */
  readonly text?: string;
  constructor(operationId: string, status: number, statusText: string, body: ErrorBody | undefined, text: string | undefined) {
    const detail = body ? [body.error, body.message].filter(Boolean).join(': ') : text ? text.slice(0, 120) : statusText;
    super(`${operationId} failed with HTTP ${status}${detail ? `: ${detail}` : ''}`, operationId);
    this.name = 'HttpError';
    this.status = status;
    if (body !== undefined) this.body = body;
    if (text !== undefined) this.text = text;
  }
}

/** A 2xx response whose body is not the JSON the operation promises. */
export class InvalidResponseError extends ClientError {
  readonly status: number;
  constructor(operationId: string, status: number, reason: string) {
    super(`${operationId} returned HTTP ${status} with a body that is not valid JSON: ${reason}`, operationId);
    this.name = 'InvalidResponseError';
    this.status = status;
  }
}

export class TimeoutError extends ClientError {
  readonly timeoutMs: number;
  constructor(operationId: string, timeoutMs: number) {
    super(`${operationId} timed out after ${timeoutMs} ms`, operationId);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** The request never got a response (refused, reset, DNS...). `cause` is a redacted copy. */
export class NetworkError extends ClientError {
  constructor(operationId: string, cause: Error) {
    super(`${operationId} failed: network error: ${cause.message}`, operationId, cause);
    this.name = 'NetworkError';
  }
}

/** The caller aborted through its AbortSignal. */
export class AbortError extends ClientError {
  constructor(operationId: string) {
    super(`${operationId} was aborted by the caller`, operationId);
    this.name = 'AbortError';
  }
}
