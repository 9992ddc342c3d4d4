/**
 * Errors that kata's runtime itself reports. Their `name` is the `Runtime.<reason>` error type that
 * the Lambda docs recommend ("we recommend a format of <category.reason>", e.g.
 * `Runtime.NoSuchHandler`: https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) and
 * the same names the managed Node.js runtime uses, so that dashboards and alarms keep working
 * when a function moves from `aws-lambda-ric` to `kata-runtime`.
 */
abstract class RuntimeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The handler module cannot be found or throws while it is imported. */
export class ImportModuleError extends RuntimeError {
  override readonly name = "Runtime.ImportModuleError";
}

/** The handler module (or a module it imports) is not valid JavaScript. */
export class UserCodeSyntaxError extends RuntimeError {
  override readonly name = "Runtime.UserCodeSyntaxError";
}

/** The module loads but the named export is missing or not a function. */
export class HandlerNotFoundError extends RuntimeError {
  override readonly name = "Runtime.HandlerNotFound";
}

/** `_HANDLER` is not of the form `path/module.export`. */
export class MalformedHandlerNameError extends RuntimeError {
  override readonly name = "Runtime.MalformedHandlerName";
}

/** A setting (option or environment variable) is invalid. */
export class ConfigInvalidError extends RuntimeError {
  override readonly name = "Runtime.ConfigInvalid";
}

/** The event bytes are not JSON (only for handlers without a kata decoder). */
export class MalformedEventError extends RuntimeError {
  override readonly name = "Runtime.MalformedEvent";
}

/** The handler's result cannot be turned into JSON (a cycle, a BigInt, a throwing toJSON). */
export class JSONStringifyError extends RuntimeError {
  override readonly name = "Runtime.JSONStringifyError";
}

/** The Runtime API refused the response because it is too large (HTTP 413). */
export class ResponseSizeTooLargeError extends RuntimeError {
  override readonly name = "Runtime.ResponseSizeTooLarge";
}

/** The Runtime API refused the response as malformed (HTTP 400). */
export class InvalidResponseError extends RuntimeError {
  override readonly name = "Runtime.InvalidResponse";
}

/** In multi-concurrency, a handler that had not settled at its deadline. */
export class InvocationTimeoutError extends RuntimeError {
  override readonly name = "Runtime.InvocationTimeout";
}

/** A promise rejected with nobody awaiting it. */
export class UnhandledPromiseRejectionError extends RuntimeError {
  override readonly name = "Runtime.UnhandledPromiseRejection";
}
