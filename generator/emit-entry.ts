import { VariableDeclarationKind, type SourceFile } from "ts-morph";
import type { EntryKind, EventEntry, Source } from "./config.js";
import { addAssertAndGuard, addDecoders, renderModule, type ImportSpec } from "./render-module.js";
import type { SchemaTarget } from "./schema-files.js";
import { addWrapper, HANDLER_IMPORTS, type ClassicSource } from "./emit-wrapper.js";
import { addKindDecoders, addKindWrapper, isTableKind, kindDescription, kindImports, type TableKind } from "./emit-kind.js";

export interface EntrySlot {
  role: "payload" | "query" | "path" | "key";
  ref: string;
  typeName: string;
  target: SchemaTarget;
}

/** What the planner decided for one config entry. */
export interface EntryPlan {
  name: string;
  entry: EventEntry;
  source: Source | undefined;
  /** The source, or `sqs-via-*` for an SQS entry that unwraps another service's event. */
  kind: EntryKind | undefined;
  fileName: string;
  slots: EntrySlot[];
}

/** The built-in event type, and its `kata/events/*` module, that each source's typed event starts from. */
const ENVELOPES: Record<ClassicSource, { type: string; from: string; describe: string }> = {
  sqs: { type: "SQSEvent", from: "kata/events/sqs", describe: "an SQS event whose record bodies are" },
  eventbridge: { type: "EventBridgeEvent", from: "kata/events/eventbridge", describe: "an EventBridge event whose detail is" },
  "apigw-v1": { type: "APIGatewayProxyEvent", from: "kata/events/apigw-v1", describe: "an API Gateway REST (v1) request whose body is" },
  "apigw-v2": { type: "APIGatewayProxyEventV2", from: "kata/events/apigw-v2", describe: "an API Gateway HTTP API (v2) or function URL request whose body is" },
};

/** Stage "emit handlers": the module a user imports for one config entry. */
export function emitEntryModule(banner: string, plan: EntryPlan, typesModule: string, validatorsModule: string): string {
  const { kind } = plan;
  if (isTableKind(kind)) return emitKindModule(banner, { ...plan, kind }, typesModule, validatorsModule);
  const { name } = plan;
  const source = plan.source as ClassicSource | undefined;
  const eventName = `${name}Event`;
  const slotTypes = plan.slots.map((s) => s.typeName);
  const validators = plan.slots.map((s) => `validate${s.typeName}`);
  const decodeImports = ["assertWith", "decodeWith", "isWith"];
  const imports: ImportSpec[] = [
    { from: typesModule, names: slotTypes, typeOnly: true },
    { from: validatorsModule, names: source ? [...validators, `validate${eventName}`] : validators },
    { from: "kata/decode", names: decodeImports },
  ];
  if (source) {
    const { type: envelope, from } = ENVELOPES[source];
    imports.push({ from, names: source === "eventbridge" ? [] : [`decode${envelope}`] });
    imports.push({ from, names: [envelope], typeOnly: true });
    if (source === "sqs") decodeImports.push("decodeSqsBodies");
    if (source === "apigw-v1" || source === "apigw-v2") decodeImports.push("decodeApiRequest");
  }
  const handlers = HANDLER_IMPORTS[source ?? "plain"];
  imports.push({ from: handlers.from, names: handlers.names.filter((n) => !n.startsWith("type ")) });
  imports.push({ from: handlers.from, names: handlers.names.filter((n) => n.startsWith("type ")).map((n) => n.slice(5)), typeOnly: true });
  return renderModule(banner, imports, (file) => {
    file.addExportDeclaration({ isTypeOnly: true, namedExports: slotTypes });
    for (const slot of plan.slots) addDecoders(file, slot.typeName, `validate${slot.typeName}`, `\`${slot.typeName}\``);
    if (source) addEventDecoders(file, plan, source);
    else addPlainEvent(file, name);
    addWrapper(file, plan);
  });
}

/** The module of an entry whose kind is emitted from the table in emit-kind.ts. */
function emitKindModule(banner: string, plan: EntryPlan & { kind: TableKind }, typesModule: string, validatorsModule: string): string {
  const { name } = plan;
  const eventName = `${name}Event`;
  const slotTypes = plan.slots.map((s) => s.typeName);
  const { imports, validators } = kindImports(plan);
  const all: ImportSpec[] = [
    { from: typesModule, names: slotTypes, typeOnly: true },
    { from: validatorsModule, names: [...plan.slots.map((s) => `validate${s.typeName}`), ...validators, `validate${eventName}`] },
    { from: "kata/decode", names: ["assertWith", "decodeWith", "isWith", ...imports.filter((i) => i.from === "kata/decode").flatMap((i) => i.names)] },
    ...imports.filter((i) => i.from !== "kata/decode"),
  ];
  const describe = kindDescription(plan.kind);
  return renderModule(banner, all, (file) => {
    if (slotTypes.length > 0) file.addExportDeclaration({ isTypeOnly: true, namedExports: slotTypes });
    for (const slot of plan.slots) addDecoders(file, slot.typeName, `validate${slot.typeName}`, `\`${slot.typeName}\``);
    const { eventType, decodeStatement } = addKindDecoders(file, plan);
    addEventFunctions(file, name, describe, eventType, decodeStatement, "already decoded");
    addKindWrapper(file, plan);
  });
}

function addEventDecoders(file: SourceFile, plan: EntryPlan, source: ClassicSource): void {
  const { name } = plan;
  const eventName = `${name}Event`;
  const { type: envelope, describe } = ENVELOPES[source];
  const query = plan.slots.find((s) => s.role === "query")?.typeName;
  const path = plan.slots.find((s) => s.role === "path")?.typeName;
  const typeName = JSON.stringify(eventName);
  const decodeStatement: Record<ClassicSource, string> = {
    sqs: `return decodeSqsBodies(decode${envelope}(input), ${typeName}, decode${name}) as unknown as ${eventName};`,
    eventbridge: `return decodeWith<${eventName}>(validate${eventName}, ${typeName}, input);`,
    "apigw-v1": apiDecode(envelope, typeName, name, eventName, query, path),
    "apigw-v2": apiDecode(envelope, typeName, name, eventName, query, path),
  };
  addEventFunctions(file, name, describe, eventType(source, envelope, plan), decodeStatement[source], "already parsed");
}

/** `NameEvent`, `decodeNameEvent`, `assertNameEvent` and `isNameEvent`; `already` says what the latter two expect of their input. */
function addEventFunctions(file: SourceFile, name: string, describe: string, type: string, decodeStatement: string, already: string): void {
  const eventName = `${name}Event`;
  file.addTypeAlias({ isExported: true, name: eventName, type, docs: [`${capitalize(describe)} \`${name}\`.`] });
  file.addFunction({
    isExported: true,
    name: `decode${eventName}`,
    docs: [`Parses JSON text or bytes as ${describe} \`${name}\`, and validates both. Throws \`DecodeError\` with the JSON pointer of every problem.`],
    parameters: [{ name: "input", type: "string | Uint8Array" }],
    returnType: eventName,
    statements: decodeStatement,
  });
  addAssertAndGuard(file, eventName, `validate${eventName}`, `${describe} \`${name}\`, ${already}`);
}

function eventType(source: ClassicSource, envelope: string, plan: EntryPlan): string {
  const { name, entry } = plan;
  if (source === "eventbridge") return `${envelope}<${JSON.stringify(entry.detailType)}, ${name}>`;
  const members = plan.slots.filter((s) => s.role !== "payload").map((s) => [s.role === "query" ? "queryStringParameters" : "pathParameters", s.typeName]);
  // HTTP API leaves `body` out of a bodyless request, so the built-in type has it optional; the decoder requires it.
  if (source === "apigw-v2") members.unshift(["body", name]);
  if (members.length === 0) return `${envelope}<${name}>`;
  const keys = members.map(([key]) => JSON.stringify(key)).join(" | ");
  return `Omit<${envelope}<${name}>, ${keys}> & { ${members.map(([key, type]) => `${key}: ${type}`).join("; ")} }`;
}

function apiDecode(envelope: string, typeName: string, name: string, eventName: string, query: string | undefined, path: string | undefined): string {
  const parts = [`name: ${JSON.stringify(name)}`, `decodeBody: decode${name}`];
  if (query) parts.push(`assertQuery: assert${query}`);
  if (path) parts.push(`assertPath: assert${path}`);
  return `return decodeApiRequest(decode${envelope}(input), ${typeName}, { ${parts.join(", ")} }) as unknown as ${eventName};`;
}

/** A plain payload is its own event: the `NameEvent` names exist so that every entry reads alike. */
function addPlainEvent(file: SourceFile, name: string): void {
  file.addTypeAlias({ isExported: true, name: `${name}Event`, type: name, docs: [`A direct invocation whose payload is \`${name}\`.`] });
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      { name: `decode${name}Event`, initializer: `decode${name}` },
      { name: `assert${name}Event`, type: `(value: unknown) => asserts value is ${name}Event`, initializer: `assert${name}` },
      { name: `is${name}Event`, initializer: `is${name}` },
    ],
  });
}

function capitalize(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
