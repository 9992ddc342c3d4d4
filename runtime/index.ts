export { start } from "./start.js";
export type { StartOptions } from "./start-options.js";
export { onShutdown, type ShutdownHook } from "./shutdown.js";
export { currentContext } from "./invocation-scope.js";
export type { LambdaContext, KataContext, ClientContext, CognitoIdentity } from "./context.js";
export { kataContext } from "./kata-context.js";
export type { LambdaHandler, KataHandler, KataHandlerHooks } from "./typed-handler.js";
export { KATA_HANDLER } from "./typed-handler.js";
export { DecodeError, type DecodeIssue } from "./decode/index.js";
export { KATA_STREAMING, isStreamingResult, type StreamingResult } from "./streaming.js";
export type { ConnectionFactory, RuntimeApiConnection, RuntimeApiResponse } from "./transport/connection.js";
export {
  ImportModuleError,
  UserCodeSyntaxError,
  HandlerNotFoundError,
  MalformedHandlerNameError,
  ConfigInvalidError,
  MalformedEventError,
  JSONStringifyError,
  ResponseSizeTooLargeError,
  InvalidResponseError,
  InvocationTimeoutError,
  UnhandledPromiseRejectionError,
} from "./errors.js";
