import { DecodeError, type DecodeIssue } from "./decode-error.js";
import { issuesUnder } from "./issues-under.js";

/** The decoders of an API Gateway entry: its body, and its query and path parameters when typed. */
export interface ApiRequestSpec<TBody, TQuery, TPath> {
  name: string;
  /** The entry's `schema`. Without it, the body is not read and `fn` gets `undefined`. */
  decodeBody?: ((input: string | Uint8Array) => TBody) | undefined;
  /** The entry's `query` schema, for `queryStringParameters`. */
  assertQuery?: ((value: unknown) => asserts value is TQuery) | undefined;
  /** The entry's `path` schema, for `pathParameters`. */
  assertPath?: ((value: unknown) => asserts value is TPath) | undefined;
}

/** The parts of a v1 or v2 request event that are decoded. */
export interface RequestParts {
  body?: string | null | undefined;
  isBase64Encoded?: boolean | undefined;
  queryStringParameters?: unknown;
  pathParameters?: unknown;
}

export type DecodedRequest<TBody, TQuery, TPath> =
  | { ok: true; body: TBody; queryStringParameters: TQuery; pathParameters: TPath }
  | { ok: false; issues: DecodeIssue[] };

function decodeBody<TBody>(spec: ApiRequestSpec<TBody, unknown, unknown>, event: RequestParts, issues: DecodeIssue[]): TBody | undefined {
  if (spec.decodeBody === undefined) return undefined;
  if (event.body === undefined || event.body === null || event.body === "") {
    issues.push({ path: "/body", message: `is required but missing: send a JSON body that matches ${spec.name}` });
    return undefined;
  }
  try {
    return spec.decodeBody(event.isBase64Encoded ? Buffer.from(event.body, "base64") : event.body);
  } catch (error) {
    issues.push(...issuesUnder("/body", error));
    return undefined;
  }
}

/** Runs an optional assertion on one part; the part is validated even when absent (as `{}`), so that required parameters are reported. */
function checkPart(assert: ((value: unknown) => void) | undefined, value: unknown, pointer: string, issues: DecodeIssue[]): unknown {
  if (assert === undefined) return value;
  const present = value ?? {};
  try {
    assert(present);
  } catch (error) {
    issues.push(...issuesUnder(pointer, error));
  }
  return present;
}

/** Decodes the body (base64 first when `isBase64Encoded`), query and path parameters, collecting every issue. */
export function decodeRequest<TBody, TQuery, TPath>(spec: ApiRequestSpec<TBody, TQuery, TPath>, event: RequestParts): DecodedRequest<TBody, TQuery, TPath> {
  const issues: DecodeIssue[] = [];
  const body = decodeBody(spec, event, issues);
  const queryStringParameters = checkPart(spec.assertQuery, event.queryStringParameters, "/queryStringParameters", issues);
  const pathParameters = checkPart(spec.assertPath, event.pathParameters, "/pathParameters", issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, body: body as TBody, queryStringParameters: queryStringParameters as TQuery, pathParameters: pathParameters as TPath };
}

/**
 * `decodeNameEvent` of an API Gateway entry: the request's typed parts replace the raw ones in
 * place (the event was just parsed, nobody else holds it), or every issue is thrown at once.
 */
export function decodeApiRequest<T>(event: T, typeName: string, spec: ApiRequestSpec<unknown, unknown, unknown>): T {
  const request = decodeRequest(spec, event as RequestParts);
  if (!request.ok) throw new DecodeError(typeName, request.issues);
  const owner = event as Record<string, unknown>;
  owner.body = request.body;
  if (spec.assertQuery) owner.queryStringParameters = request.queryStringParameters;
  if (spec.assertPath) owner.pathParameters = request.pathParameters;
  return event;
}
