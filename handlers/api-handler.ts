import type { KataContext } from "../runtime/context.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import { decodeRequest, type ApiRequestSpec, type RequestParts } from "../runtime/decode/index.js";
import { logStructured } from "../runtime/logging/structured.js";
import { problemResponse, validationProblem } from "./problem-json.js";
import { typedHandler } from "./typed-handler.js";

/** The request event as `fn` sees it: body, query and path parameters decoded by their schemas. */
export type DecodedApiEvent<TEvent extends RequestParts, TBody, TQuery, TPath> = Omit<TEvent, "body" | "queryStringParameters" | "pathParameters"> & {
  /** Without a body schema, the body as it was sent. */
  body: [TBody] extends [undefined] ? TEvent["body"] : TBody;
  queryStringParameters: TQuery;
  pathParameters: TPath;
};

export type ApiEventHandler<TEvent extends RequestParts, TResult, TBody, TQuery, TPath> = (
  body: TBody,
  event: DecodedApiEvent<TEvent, TBody, TQuery, TPath>,
  context: KataContext,
) => Promise<TResult> | TResult;

/** The envelope decoders of one API Gateway payload format (generated from the built-in schemas). */
export interface ApiEnvelope<TEvent, TResult, TAnswer> {
  decode(raw: Uint8Array): TEvent;
  assert(value: unknown): asserts value is TEvent;
  /** Turns `fn`'s result into the handler's. */
  answer(result: TResult): TAnswer;
}

/** The factory of one payload format, generic over the entry's body, query and path types. */
export type ApiGatewayFactory<TEvent extends RequestParts, TResult, TAnswer = TResult> = <TBody = undefined, TQuery = TEvent["queryStringParameters"], TPath = TEvent["pathParameters"]>(
  spec: ApiRequestSpec<TBody, TQuery, TPath>,
  fn: ApiEventHandler<TEvent, TResult, TBody, TQuery, TPath>,
) => KataHandler<TEvent, TAnswer>;

/**
 * Builds the handler factory of one API Gateway payload format. A request that does not match
 * the entry's schemas is answered with 400 `application/problem+json` (a client error, not a
 * Lambda error) and `fn` is not called. An event that is not such a request is a decode error.
 */
export function apiHandlerFactory<TEvent extends RequestParts, TResult, TAnswer>(envelope: ApiEnvelope<TEvent, TResult, TAnswer>): ApiGatewayFactory<TEvent, TResult, TAnswer> {
  return <TBody, TQuery, TPath>(spec: ApiRequestSpec<TBody, TQuery, TPath>, fn: ApiEventHandler<TEvent, TResult, TBody, TQuery, TPath>) => {
    const handle = async (event: TEvent, context: KataContext): Promise<TAnswer> => {
      const request = decodeRequest(spec, event);
      // The problem response has the shape of both formats' results.
      if (!request.ok) {
        logStructured("WARN", {
          message: `API request rejected with 400: it does not match ${spec.name}; the function was not called. Fix the client.`,
          reason: "invalid-request",
          typeName: spec.name,
          awsRequestId: context.awsRequestId,
          issues: request.issues,
        });
        return problemResponse(validationProblem(spec.name, request.issues)) as TAnswer;
      }
      const { body, queryStringParameters, pathParameters } = request;
      const decoded = { ...event, body: spec.decodeBody === undefined ? event.body : body, queryStringParameters, pathParameters };
      return envelope.answer(await fn(body, decoded as DecodedApiEvent<TEvent, TBody, TQuery, TPath>, context));
    };
    return typedHandler({ decode: envelope.decode, assert: envelope.assert, handle });
  };
}
