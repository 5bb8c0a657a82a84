/**
 * What a generated client exposes from the runtime. The client generator embeds these modules
 * into each client package; names exported here stay public there, the rest become internal.
 */
export { createCore } from './core';
export type { Core } from './core';
export {
  ClientError,
  HttpError,
  InvalidResponseError,
  TimeoutError,
  NetworkError,
  AbortError,
  isClientError,
} from './errors';
export type { ErrorBody } from './errors';
export type {
  AbortSignalLike,
  CallArgs,
  CallOptions,
  ClientAbortSignal,
  ClientConfig,
  ClientOptions,
  FetchInit,
  FetchLike,
  FetchResponse,
  OperationRoute,
  PageSpec,
  RateLimitOptions,
  RetryOptions,
  AuthRoute,
  ParamIn,
} from './types';
