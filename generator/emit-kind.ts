import type { OptionalKind, ParameterDeclarationStructure, SourceFile, TypeParameterDeclarationStructure } from "ts-morph";
import type { EntryKind } from "./config.js";
import type { EntryPlan } from "./emit-entry.js";
import type { ImportSpec } from "./render-module.js";

/** The kinds emitted from this table; SQS, EventBridge and API Gateway REST/HTTP have their own code in emit-entry.ts. */
export type TableKind = Exclude<EntryKind, "sqs" | "eventbridge" | "apigw-v1" | "apigw-v2">;

export function isTableKind(kind: EntryKind | undefined): kind is TableKind {
  return kind !== undefined && kind in KINDS;
}

interface Names {
  /** The entry's name: its payload type. */
  n: string;
  /** `NameEvent`. */
  e: string;
  /** JSON literals of both. */
  nl: string;
  el: string;
  /** The key type (Kafka only). */
  key: string | undefined;
  plan: EntryPlan;
}

interface Wrapper {
  docs: string;
  typeParameters?: OptionalKind<TypeParameterDeclarationStructure>[];
  parameters: OptionalKind<ParameterDeclarationStructure>[];
  statement: string;
}

interface KindEmit {
  describe: string;
  /** What the module imports besides its types, its validators and `assertWith`/`decodeWith`/`isWith`. */
  imports(names: Names): ImportSpec[];
  /** Extra validators of the entry (`decodingSchemas` in composite.ts), by export suffix. */
  validators?: string[];
  eventType(names: Names): string;
  /** Module-private decoders that `decodeNameEvent` and `onName` share. */
  helpers?(file: SourceFile, names: Names): void;
  decode(names: Names): string;
  wrapper(names: Names): Wrapper;
}

const handlerFrom = (module: string, values: string[], types: string[]): ImportSpec[] => [
  { from: `kata/handlers/${module}`, names: values },
  { from: `kata/handlers/${module}`, names: types, typeOnly: true },
];

const options = (type: string): OptionalKind<ParameterDeclarationStructure> => ({ name: "options", type, hasQuestionToken: true });

/** `decodeNameEnvelope` / `assertNameEnvelope`: the raw event, checked before its payloads are decoded. */
function envelopeHelpers(file: SourceFile, { n, el }: Names, type: string): void {
  file.addFunction({
    name: `decode${n}Envelope`,
    parameters: [{ name: "input", type: "string | Uint8Array" }],
    returnType: type,
    statements: `return decodeWith<${type}>(validate${n}Envelope, ${el}, input);`,
  });
  file.addFunction({
    name: `assert${n}Envelope`,
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `asserts value is ${type}`,
    statements: `assertWith(validate${n}Envelope, ${el}, value);`,
  });
}

/** `decodeNameBody`: one SQS body, which carries another service's event. */
function bodyHelper(file: SourceFile, { n, nl }: Names, type: string, statement?: string): void {
  file.addFunction({
    name: `decode${n}Body`,
    parameters: [{ name: "input", type: "string | Uint8Array" }],
    returnType: type,
    statements: statement ?? `return decodeWith<${type}>(validate${n}Body, ${nl}, input);`,
  });
}

const sqsImports = (decode: string[], types: ImportSpec[] = []): ImportSpec[] => [
  { from: "kata/decode", names: ["decodeSqsBodies"] },
  { from: "kata/handlers/sqs-batch", names: decode },
  { from: "kata/events/sqs", names: ["decodeSQSEvent"] },
  { from: "kata/events/sqs", names: ["SQSEvent"], typeOnly: true },
  ...types,
  ...handlerFrom("sqs-batch", ["sqsBatchHandler"], ["SQSBatchOptions", "SQSMessageHandler"]),
];

const sqsDecode = ({ e, el, n }: Names) => `return decodeSqsBodies(decodeSQSEvent(input), ${el}, decode${n}Body) as unknown as ${e};`;

function sqsWrapper({ n, nl }: Names, via: string, what: string, handlerType: string, decodeBody = `decode${n}Body`): Wrapper {
  return {
    docs: `Lambda handler for a queue of ${what}: \`fn\` runs once per record with its body decoded. Returns a partial batch response (enable \`ReportBatchItemFailures\` on the event source mapping).`,
    parameters: [{ name: "fn", type: handlerType }, options("SQSBatchOptions")],
    statement: `return sqsBatchHandler({ name: ${nl}, decodeBody: ${decodeBody}, via: ${JSON.stringify(via)} }, fn, options);`,
  };
}

const ebBody = ({ n, plan }: Names) => `EventBridgeEvent<${JSON.stringify(plan.entry.detailType)}, ${n}>`;

/** The window's state type, inferred from `initial` or `reduce`, or given: `onName<Totals>({ ... })`. */
const windowState: OptionalKind<TypeParameterDeclarationStructure> = { name: "TState", constraint: "object", default: "Record<string, unknown>" };

const windowDocs = (what: string, decoded: string) =>
  `Lambda handler for ${what} on a mapping with a tumbling window: \`reduce\` runs once per record, in order, with its ${decoded}, and returns the window's new state; \`onWindowEnd\` gets the complete state. The first record that fails stops the batch and is reported by sequence number, with the state from before it (enable \`ReportBatchItemFailures\`).`;

const KINDS: Record<TableKind, KindEmit> = {
  "sqs-via-sns": {
    describe: "an SQS event whose bodies are SNS notifications whose message is",
    imports: () => sqsImports(["decodeSnsNotification"], handlerFrom("sqs-batch", [], ["SnsNotification"])),
    eventType: ({ n }) => `SQSEvent<SnsNotification<${n}>>`,
    helpers: (file, names) => bodyHelper(file, names, `SnsNotification<${names.n}>`, `return decodeSnsNotification(input, ${names.nl}, decode${names.n});`),
    decode: sqsDecode,
    wrapper: (names) => sqsWrapper(names, "sns", `SNS notifications whose message is \`${names.n}\` (raw message delivery off)`, `SQSMessageHandler<${names.n}, SnsNotification<${names.n}>>`),
  },
  "sqs-via-eventbridge": {
    describe: "an SQS event whose bodies are EventBridge events whose detail is",
    validators: ["Body"],
    imports: () => sqsImports([], [{ from: "kata/events/eventbridge", names: ["EventBridgeEvent"], typeOnly: true }]),
    eventType: (names) => `SQSEvent<${ebBody(names)}>`,
    helpers: (file, names) => bodyHelper(file, names, ebBody(names)),
    decode: sqsDecode,
    wrapper: (names) => sqsWrapper(names, "eventbridge", `EventBridge events whose detail is \`${names.n}\``, `SQSMessageHandler<${ebBody(names)}>`),
  },
  "sqs-via-s3": {
    describe: "an SQS event whose bodies are S3 notifications, for",
    validators: ["Body"],
    imports: () => sqsImports([], [{ from: "kata/events/s3", names: ["S3Event", "S3TestEvent"], typeOnly: true }]),
    eventType: () => "SQSEvent<S3Event | S3TestEvent>",
    helpers: (file, names) => bodyHelper(file, names, "S3Event | S3TestEvent"),
    decode: sqsDecode,
    // The handler skips the test event before `fn` runs, so `fn` sees S3 events only.
    wrapper: (names) => sqsWrapper(names, "s3", "S3 notifications (the `s3:TestEvent` is skipped)", "SQSMessageHandler<S3Event>", `decode${names.n}Body as (input: string | Uint8Array) => S3Event`),
  },
  sns: {
    describe: "an SNS event whose message is",
    imports: () => [
      { from: "kata/events/sns", names: ["decodeSNSEvent"] },
      ...handlerFrom("sns", ["decodeSnsMessages", "snsHandler"], ["SNSEventOf", "SNSMessageHandler"]),
    ],
    eventType: ({ n }) => `SNSEventOf<${n}>`,
    decode: ({ e, el, n }) => `return decodeSnsMessages(decodeSNSEvent(input), ${el}, decode${n}) as unknown as ${e};`,
    wrapper: ({ n, nl }) => ({
      docs: `Lambda handler for an SNS topic of \`${n}\` messages: \`fn\` gets the decoded message. A message that fails to decode is a \`DecodeError\` (Lambda retries the invocation, then sends it to the dead-letter queue or on-failure destination).`,
      parameters: [{ name: "fn", type: `SNSMessageHandler<${n}>` }],
      statement: `return snsHandler({ name: ${nl}, decodeMessage: decode${n} }, fn);`,
    }),
  },
  kinesis: {
    describe: "a Kinesis stream event whose records' data is",
    imports: () => [
      { from: "kata/events/kinesis", names: ["decodeKinesisStreamEvent"] },
      ...handlerFrom("kinesis", ["decodeKinesisData", "kinesisStreamHandler"], ["KinesisRecordHandler", "KinesisStreamEventOf", "StreamBatchOptions"]),
    ],
    eventType: ({ n }) => `KinesisStreamEventOf<${n}>`,
    decode: ({ e, el, n }) => `return decodeKinesisData(decodeKinesisStreamEvent(input), ${el}, decode${n}) as unknown as ${e};`,
    wrapper: ({ n, nl }) => ({
      docs: `Lambda handler for a Kinesis stream of \`${n}\` records: \`fn\` runs once per record, in order, with its data decoded. The first record that fails stops the batch and is reported by sequence number (enable \`ReportBatchItemFailures\`).`,
      parameters: [{ name: "fn", type: `KinesisRecordHandler<${n}>` }, options("StreamBatchOptions")],
      statement: `return kinesisStreamHandler({ name: ${nl}, decodeData: decode${n} }, fn, options);`,
    }),
  },
  dynamodb: {
    describe: "a DynamoDB stream event whose images are",
    validators: ["Envelope"],
    imports: () => [
      { from: "kata/events/dynamodb", names: ["DynamoDBStreamEvent"], typeOnly: true },
      ...handlerFrom("dynamodb", ["decodeDynamoDBImages", "dynamoDBStreamHandler"], ["DynamoDBRecordHandler", "DynamoDBStreamEventOf", "StreamBatchOptions"]),
    ],
    eventType: ({ n }) => `DynamoDBStreamEventOf<${n}>`,
    helpers: (file, names) => envelopeHelpers(file, names, "DynamoDBStreamEvent"),
    decode: ({ e, el, n }) => `return decodeDynamoDBImages(decode${n}Envelope(input), ${el}, assert${n}) as unknown as ${e};`,
    wrapper: ({ n, nl }) => ({
      docs: `Lambda handler for a DynamoDB stream of \`${n}\` items: \`fn\` runs once per record, in order, with its images unmarshalled and decoded. The first record that fails stops the batch and is reported by sequence number (enable \`ReportBatchItemFailures\`).`,
      parameters: [{ name: "fn", type: `DynamoDBRecordHandler<${n}>` }, options("StreamBatchOptions")],
      statement: `return dynamoDBStreamHandler({ name: ${nl}, envelope: { decode: decode${n}Envelope, assert: assert${n}Envelope }, assertItem: assert${n} }, fn, options);`,
    }),
  },
  "kinesis-window": {
    describe: "a Kinesis tumbling window event whose records' data is",
    imports: () => [
      { from: "kata/events/kinesis", names: ["decodeKinesisStreamTumblingWindowEvent"] },
      ...handlerFrom("kinesis-window", ["decodeKinesisData", "kinesisWindowHandler"], ["KinesisWindowEventOf", "KinesisWindowReducer", "StreamBatchOptions"]),
    ],
    eventType: ({ n }) => `KinesisWindowEventOf<${n}>`,
    decode: ({ e, el, n }) => `return decodeKinesisData(decodeKinesisStreamTumblingWindowEvent(input), ${el}, decode${n}) as unknown as ${e};`,
    wrapper: ({ n, nl }) => ({
      docs: windowDocs(`a Kinesis stream of \`${n}\` records`, "data decoded"),
      typeParameters: [windowState],
      parameters: [{ name: "reducer", type: `KinesisWindowReducer<${n}, TState>` }, options("StreamBatchOptions")],
      statement: `return kinesisWindowHandler({ name: ${nl}, decodeData: decode${n} }, reducer, options);`,
    }),
  },
  "dynamodb-window": {
    describe: "a DynamoDB stream tumbling window event whose images are",
    validators: ["Envelope"],
    imports: () => [
      { from: "kata/events/dynamodb", names: ["DynamoDBTimeWindowEvent"], typeOnly: true },
      ...handlerFrom("dynamodb-window", ["decodeDynamoDBImages", "dynamoDBWindowHandler"], ["DynamoDBWindowEventOf", "DynamoDBWindowReducer", "StreamBatchOptions"]),
    ],
    eventType: ({ n }) => `DynamoDBWindowEventOf<${n}>`,
    helpers: (file, names) => envelopeHelpers(file, names, "DynamoDBTimeWindowEvent"),
    decode: ({ e, el, n }) => `return decodeDynamoDBImages(decode${n}Envelope(input), ${el}, assert${n}) as unknown as ${e};`,
    wrapper: ({ n, nl }) => ({
      docs: windowDocs(`a DynamoDB stream of \`${n}\` items`, "images unmarshalled and decoded"),
      typeParameters: [windowState],
      parameters: [{ name: "reducer", type: `DynamoDBWindowReducer<${n}, TState>` }, options("StreamBatchOptions")],
      statement: `return dynamoDBWindowHandler({ name: ${nl}, envelope: { decode: decode${n}Envelope, assert: assert${n}Envelope }, assertItem: assert${n} }, reducer, options);`,
    }),
  },
  kafka: {
    describe: "a Kafka (Amazon MSK or self-managed) event whose record values are",
    validators: ["Envelope"],
    imports: () => [...handlerFrom("kafka", ["decodeKafkaRecords", "kafkaHandler"], ["KafkaEvent", "KafkaEventOf", "KafkaRecordHandler"])],
    eventType: ({ n, key }) => `KafkaEventOf<${key ? `${n}, ${key}` : n}>`,
    helpers: (file, names) => envelopeHelpers(file, names, "KafkaEvent"),
    decode: ({ e, el, n, key }) => `return decodeKafkaRecords(decode${n}Envelope(input), ${el}, { decodeValue: decode${n}${key ? `, decodeKey: decode${key}` : ""} }) as unknown as ${e};`,
    wrapper: ({ n, nl, key }) => ({
      docs: `Lambda handler for Kafka records whose value is \`${n}\`: \`fn\` runs once per record, in order. Kafka has no partial batch response: the first record that fails fails the invocation, with an error naming its partition and offset.`,
      parameters: [{ name: "fn", type: `KafkaRecordHandler<${key ? `${n}, ${key}` : n}>` }],
      statement: `return kafkaHandler({ name: ${nl}, envelope: { decode: decode${n}Envelope, assert: assert${n}Envelope }, decodeValue: decode${n}${key ? `, decodeKey: decode${key}` : ""} }, fn);`,
    }),
  },
  firehose: {
    describe: "a Firehose transformation event whose records' data is",
    imports: () => [
      { from: "kata/events/firehose", names: ["decodeFirehoseTransformationEvent"] },
      ...handlerFrom("firehose", ["decodeFirehoseData", "firehoseHandler"], ["FirehoseOptions", "FirehoseTransformationEventOf", "FirehoseTransformer"]),
    ],
    eventType: ({ n }) => `FirehoseTransformationEventOf<${n}>`,
    decode: ({ e, el, n }) => `return decodeFirehoseData(decodeFirehoseTransformationEvent(input), ${el}, decode${n}) as unknown as ${e};`,
    wrapper: ({ n, nl }) => ({
      docs: `Firehose transformation of \`${n}\` records: \`fn\` returns each record's transformed payload, or \`drop()\`. A record that fails to decode, or whose \`fn\` throws, is \`ProcessingFailed\`.`,
      parameters: [{ name: "fn", type: `FirehoseTransformer<${n}>` }, options("FirehoseOptions")],
      statement: `return firehoseHandler({ name: ${nl}, decodeData: decode${n} }, fn, options);`,
    }),
  },
  "cloudwatch-logs": {
    describe: "a CloudWatch Logs subscription event whose log messages are",
    imports: () => [
      { from: "kata/events/cloudwatch-logs", names: ["decodeCloudWatchLogsDecodedData", "decodeCloudWatchLogsEvent"] },
      ...handlerFrom("cloudwatch-logs", ["cloudWatchLogsHandler", "decodeCloudWatchLogs"], ["CloudWatchLogsEventOf", "CloudWatchLogsHandler"]),
    ],
    eventType: ({ n }) => `CloudWatchLogsEventOf<${n}>`,
    decode: ({ e, el, n }) => `return decodeCloudWatchLogs(decodeCloudWatchLogsEvent(input), ${el}, decodeCloudWatchLogsDecodedData, decode${n}) as unknown as ${e};`,
    wrapper: ({ n, nl }) => ({
      docs: `Lambda handler for a CloudWatch Logs subscription whose log messages are \`${n}\`: \`fn\` gets the gunzipped log data with every message decoded.`,
      typeParameters: [{ name: "TResult", default: "void" }],
      parameters: [{ name: "fn", type: `CloudWatchLogsHandler<${n}, TResult>` }],
      statement: `return cloudWatchLogsHandler({ name: ${nl}, decodeMessage: decode${n} }, fn);`,
    }),
  },
  websocket: {
    describe: "an API Gateway WebSocket message whose body is",
    imports: () => [
      { from: "kata/decode", names: ["decodeApiRequest"] },
      { from: "kata/events/apigw-websocket", names: ["decodeAPIGatewayProxyWebsocketEventV2"] },
      { from: "kata/events/apigw-websocket", names: ["APIGatewayProxyWebsocketEventV2"], typeOnly: true },
      ...handlerFrom("api-gateway", ["apiGatewayWebSocketHandler"], ["ApiGatewayWebSocketHandler"]),
    ],
    eventType: ({ n }) => `Omit<APIGatewayProxyWebsocketEventV2, "body"> & { body: ${n} }`,
    decode: ({ e, el, n, nl }) => `return decodeApiRequest(decodeAPIGatewayProxyWebsocketEventV2(input), ${el}, { name: ${nl}, decodeBody: decode${n} }) as unknown as ${e};`,
    wrapper: ({ n, nl }) => ({
      docs: `Lambda handler for WebSocket messages whose JSON body is \`${n}\`: \`fn(body, event, context)\` runs only for a valid message; any other gets 400 \`application/problem+json\`.`,
      parameters: [{ name: "fn", type: `ApiGatewayWebSocketHandler<${n}>` }],
      statement: `return apiGatewayWebSocketHandler({ name: ${nl}, decodeBody: decode${n} }, fn);`,
    }),
  },
};

function namesOf(plan: EntryPlan): Names {
  const e = `${plan.name}Event`;
  return { n: plan.name, e, nl: JSON.stringify(plan.name), el: JSON.stringify(e), key: plan.slots.find((s) => s.role === "key")?.typeName, plan };
}

/**
 * The imports and validators a table kind's module needs, besides its slots'. A source's payload
 * decoders come from its `kata/handlers/*` module, which `onName` loads anyway: `kata/decode`
 * stays what every function loads, and a Kinesis function loads no Kafka or DynamoDB code.
 */
export function kindImports(plan: EntryPlan & { kind: TableKind }): { imports: ImportSpec[]; validators: string[] } {
  const spec = KINDS[plan.kind];
  return { imports: spec.imports(namesOf(plan)), validators: (spec.validators ?? []).map((suffix) => `validate${plan.name}${suffix}`) };
}

export function kindDescription(kind: TableKind): string {
  return KINDS[kind].describe;
}

/** `NameEvent`, its module-private helpers and `decodeNameEvent` of a table kind. */
export function addKindDecoders(file: SourceFile, plan: EntryPlan & { kind: TableKind }): { eventType: string; decodeStatement: string } {
  const spec = KINDS[plan.kind];
  const names = namesOf(plan);
  spec.helpers?.(file, names);
  return { eventType: spec.eventType(names), decodeStatement: spec.decode(names) };
}

export function addKindWrapper(file: SourceFile, plan: EntryPlan & { kind: TableKind }): void {
  const wrapper = KINDS[plan.kind].wrapper(namesOf(plan));
  file.addFunction({
    isExported: true,
    name: `on${plan.name}`,
    docs: [wrapper.docs],
    typeParameters: wrapper.typeParameters ?? [],
    parameters: wrapper.parameters,
    statements: wrapper.statement,
  });
}

/** Every name a table kind's module imports: an entry must not declare them. */
export function kindImportedNames(): string[] {
  const names = new Set<string>();
  for (const spec of Object.values(KINDS)) {
    const plan = { name: "X", entry: { detailType: "x" }, source: undefined, kind: undefined, fileName: "x", slots: [] } as unknown as EntryPlan;
    for (const { names: imported } of spec.imports(namesOf(plan))) for (const name of imported) names.add(name);
  }
  return [...names].sort();
}
