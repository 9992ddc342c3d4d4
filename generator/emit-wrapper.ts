import type { SourceFile } from "ts-morph";
import type { Source } from "./config.js";

/** The sources emitted here; the others come from the table in emit-kind.ts. */
export type ClassicSource = Extract<Source, "sqs" | "eventbridge" | "apigw-v1" | "apigw-v2">;
import type { EntryPlan } from "./emit-entry.js";

/**
 * The `kata/handlers/*` module of each source, and what the wrapper takes from it. One module per
 * source, so that a function loads only its own source's validators at cold start.
 */
export const HANDLER_IMPORTS: Record<ClassicSource | "plain", { from: string; names: string[] }> = {
  sqs: { from: "kata/handlers/sqs-batch", names: ["sqsBatchHandler", "type SQSBatchOptions", "type SQSMessageHandler"] },
  eventbridge: { from: "kata/handlers/eventbridge", names: ["eventBridgeHandler", "type EventBridgeEventHandler"] },
  "apigw-v1": { from: "kata/handlers/api-gateway", names: ["apiGatewayV1Handler", "type ApiGatewayV1Handler"] },
  "apigw-v2": { from: "kata/handlers/api-gateway", names: ["apiGatewayV2Handler", "type ApiGatewayV2Handler"] },
  plain: { from: "kata/handlers/payload", names: ["payloadHandler", "type PayloadHandler"] },
};

/**
 * The typed handler `onName(fn, options?)`. The spec object passes the entry's decoders to the
 * `kata/handlers` factory of its source; every name in it is an identifier kata derived from the
 * entry's name, and every user string goes in as a JSON string literal.
 */
export function addWrapper(file: SourceFile, plan: EntryPlan): void {
  const { name } = plan;
  const query = plan.slots.find((s) => s.role === "query")?.typeName;
  const path = plan.slots.find((s) => s.role === "path")?.typeName;
  const nameLiteral = JSON.stringify(name);
  switch (plan.source as ClassicSource | undefined) {
    case "sqs":
      file.addFunction({
        isExported: true,
        name: `on${name}`,
        docs: [`Lambda handler for a queue of \`${name}\` messages: \`fn\` runs once per record with its body decoded. Returns a partial batch response (enable \`ReportBatchItemFailures\` on the event source mapping).`],
        parameters: [
          { name: "fn", type: `SQSMessageHandler<${name}>` },
          { name: "options", type: "SQSBatchOptions", hasQuestionToken: true },
        ],
        statements: `return sqsBatchHandler({ name: ${nameLiteral}, decodeBody: decode${name} }, fn, options);`,
      });
      return;
    case "eventbridge": {
      const source = plan.entry.eventSource === undefined ? "" : `, source: ${JSON.stringify(plan.entry.eventSource)}`;
      file.addFunction({
        isExported: true,
        name: `on${name}`,
        docs: [`Lambda handler for \`${inDoc(plan.entry.detailType ?? "")}\` events: \`fn\` gets the event with its \`detail\` decoded as \`${name}\`.`],
        typeParameters: [{ name: "TResult", default: "void" }],
        parameters: [{ name: "fn", type: `EventBridgeEventHandler<${name}Event, TResult>` }],
        statements: `return eventBridgeHandler({ name: ${nameLiteral}, detailType: ${JSON.stringify(plan.entry.detailType)}${source}, assertDetail: assert${name} }, fn);`,
      });
      return;
    }
    case "apigw-v1":
    case "apigw-v2": {
      const version = plan.source === "apigw-v1" ? "V1" : "V2";
      const envelope = plan.source === "apigw-v1" ? "APIGatewayProxyEvent" : "APIGatewayProxyEventV2";
      // An untyped slot keeps the parameters API Gateway sent.
      const typeArgs = [name, ...(query || path ? [query ?? `${envelope}["queryStringParameters"]`, path ?? `${envelope}["pathParameters"]`] : [])];
      const parts = [`name: ${nameLiteral}`, `decodeBody: decode${name}`];
      if (query) parts.push(`assertQuery: assert${query}`);
      if (path) parts.push(`assertPath: assert${path}`);
      file.addFunction({
        isExported: true,
        name: `on${name}`,
        docs: [`Lambda handler for an API route whose JSON body is \`${name}\`: \`fn(body, event, context)\` runs only for a valid request; any other gets 400 \`application/problem+json\`.`],
        parameters: [{ name: "fn", type: `ApiGateway${version}Handler<${typeArgs.join(", ")}>` }],
        statements: `return apiGateway${version}Handler({ ${parts.join(", ")} }, fn);`,
      });
      return;
    }
    case undefined:
      file.addFunction({
        isExported: true,
        name: `on${name}`,
        docs: [`Lambda handler for direct invocations (or Step Functions tasks) whose payload is \`${name}\`.`],
        typeParameters: [{ name: "TResult" }],
        parameters: [{ name: "fn", type: `PayloadHandler<${name}, TResult>` }],
        statements: `return payloadHandler({ name: ${nameLiteral}, decode: decode${name}, assert: assert${name} }, fn);`,
      });
  }
}

/** User text inside a JSDoc comment: `*\/` would end the comment early. */
function inDoc(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/[\r\n]+/g, " ");
}
