import type { EntryKind, EventEntry } from "./config.js";

type Schema = Record<string, unknown>;
type Node = Record<string, unknown>;

/** The built-in schema file each kind's event schema starts from. */
export const BUILTIN_OF: Record<EntryKind, string> = {
  sqs: "sqs",
  "sqs-via-sns": "sqs",
  "sqs-via-eventbridge": "sqs",
  "sqs-via-s3": "sqs",
  eventbridge: "eventbridge",
  "apigw-v1": "apigw-v1",
  "apigw-v2": "apigw-v2",
  sns: "sns",
  kinesis: "kinesis",
  dynamodb: "dynamodb",
  "kinesis-window": "kinesis",
  "dynamodb-window": "dynamodb",
  kafka: "kafka",
  firehose: "firehose",
  "cloudwatch-logs": "cloudwatch-logs",
  websocket: "apigw-websocket",
};

/** Schema URLs of an entry's parts: its user schemas (`payload`, `query`, `path`, `key`), and `body` for an SQS envelope. */
export type SlotRefs = Partial<Record<"payload" | "query" | "path" | "key" | "body", string>>;

function definition(schema: Schema, name: string): Node {
  return (schema.definitions as Record<string, Node>)[name]!;
}

function propertiesOf(node: Node): Record<string, Node> {
  return node.properties as Record<string, Node>;
}

/** Points `property` of `node` at `ref`, keeping its description and the built-in `default` (the tolerant reader fills the same value as `decodeNameEvent` does). */
function slot(node: Node, property: string, ref: string | undefined, required = true): void {
  if (ref === undefined) return;
  const properties = propertiesOf(node);
  const builtinProperty = properties[property];
  const keep = builtinProperty?.default === undefined ? {} : { default: builtinProperty.default };
  properties[property] = { description: builtinProperty?.description, ...keep, $ref: ref };
  const list = (node.required as string[] | undefined) ?? [];
  if (required && !list.includes(property)) node.required = [...list, property];
}

/** The tumbling window event of each stream kind: a definition of its source's built-in schema. */
const WINDOW_EVENTS = { "kinesis-window": "KinesisStreamTumblingWindowEvent", "dynamodb-window": "DynamoDBTimeWindowEvent" } as const;

/** A definition as the schema's root (a window event), keeping the definitions that it refers to. */
function definitionAsRoot(schema: Schema, name: string): Schema {
  const { [name]: root, ...definitions } = schema.definitions as Record<string, Node>;
  return { $schema: schema.$schema, ...root, definitions };
}

function fresh(builtin: Schema): Schema {
  const schema = structuredClone(builtin);
  delete schema.$id;
  delete schema["x-kata-exports"];
  return schema;
}

/** The SNS notification JSON that SQS receives when raw message delivery is off (only the fields kata relies on are required). */
function snsNotification(messageRef: string | undefined): Node {
  return {
    description: "An SNS notification, as SQS receives it from a topic when raw message delivery is off.",
    type: "object",
    required: ["Type", "MessageId", "TopicArn", "Message", "Timestamp"],
    properties: {
      Type: { type: "string" },
      MessageId: { type: "string" },
      TopicArn: { type: "string" },
      Subject: { type: ["string", "null"] },
      Message: { $ref: messageRef },
      Timestamp: { type: "string" },
    },
  };
}

/**
 * The full event schema of a config entry: the built-in schema of its source with the payload
 * slots pointing at the user's schemas. It backs `isNameEvent` / `assertNameEvent`, which see the
 * event with its JSON payloads already parsed (base64 decoded, DynamoDB images unmarshalled).
 */
export function compositeSchema(kind: EntryKind, builtin: Schema, refs: SlotRefs, entry: EventEntry): Schema {
  const schema = fresh(builtin);
  switch (kind) {
    case "sqs":
      slot(definition(schema, "SQSRecord"), "body", refs.payload);
      break;
    case "sqs-via-sns":
      propertiesOf(definition(schema, "SQSRecord")).body = snsNotification(refs.payload);
      break;
    case "sqs-via-eventbridge":
    case "sqs-via-s3":
      slot(definition(schema, "SQSRecord"), "body", refs.body);
      break;
    case "eventbridge": {
      slot(schema, "detail", refs.payload);
      const properties = propertiesOf(schema);
      properties["detail-type"] = { description: properties["detail-type"]?.description, const: entry.detailType };
      if (entry.eventSource !== undefined) properties.source = { description: properties.source?.description, const: entry.eventSource };
      break;
    }
    case "apigw-v1":
    case "apigw-v2":
      slot(schema, "body", refs.payload);
      slot(schema, "queryStringParameters", refs.query);
      slot(schema, "pathParameters", refs.path);
      break;
    case "websocket":
      slot(schema, "body", refs.payload);
      break;
    case "sns":
      slot(definition(schema, "SNSMessage"), "Message", refs.payload);
      break;
    case "kinesis":
      slot(definition(schema, "KinesisStreamRecordPayload"), "data", refs.payload);
      break;
    case "kinesis-window":
    case "dynamodb-window":
      return definitionAsRoot(compositeSchema(kind === "kinesis-window" ? "kinesis" : "dynamodb", builtin, refs, entry), WINDOW_EVENTS[kind]);
    case "firehose":
      slot(definition(schema, "FirehoseTransformationEventRecord"), "data", refs.payload);
      break;
    case "dynamodb": {
      const record = definition(schema, "StreamRecord");
      slot(record, "NewImage", refs.payload, false);
      slot(record, "OldImage", refs.payload, false);
      break;
    }
    case "kafka": {
      kafkaEnvelope(schema);
      const record = definition(schema, "KafkaRecord");
      slot(record, "value", refs.payload);
      slot(record, "key", refs.key, false);
      propertiesOf(record).headers = { type: "array", items: { type: "object", additionalProperties: { type: "string" } } };
      break;
    }
    case "cloudwatch-logs":
      slot(definition(schema, "CloudWatchLogsLogEvent"), "message", refs.payload);
      slot(definition(schema, "CloudWatchLogsEventData"), "data", "#/definitions/CloudWatchLogsDecodedData");
      break;
  }
  return schema;
}

/** MSK and self-managed Kafka events differ only in `eventSource` (and the ARN that MSK adds): one entry takes both. */
function kafkaEnvelope(schema: Schema): void {
  const properties = propertiesOf(schema);
  properties.eventSource = { description: "`aws:kafka` (Amazon MSK) or `SelfManagedKafka`.", enum: ["aws:kafka", "SelfManagedKafka"] };
  schema.required = (schema.required as string[]).filter((name) => name !== "eventSourceArn");
}

/**
 * Schemas an entry's `decodeNameEvent` needs besides its payload's, by export suffix:
 * - `Envelope`: the raw event checked before its payloads are decoded. DynamoDB images are left
 *   to the unmarshaller (which rejects a malformed AttributeValue with its pointer) instead of
 *   being walked twice; Kafka takes both event sources.
 * - `Body`: an SQS body that carries another service's event.
 */
export function decodingSchemas(kind: EntryKind, builtins: Record<string, Schema>, refs: SlotRefs, entry: EventEntry): Record<string, Schema> {
  switch (kind) {
    case "dynamodb":
    case "dynamodb-window": {
      const schema = fresh(builtins.dynamodb!);
      const record = definition(schema, "StreamRecord");
      for (const image of ["NewImage", "OldImage"]) propertiesOf(record)[image] = { description: propertiesOf(record)[image]?.description, type: "object" };
      return { Envelope: kind === "dynamodb" ? schema : definitionAsRoot(schema, WINDOW_EVENTS[kind]) };
    }
    case "kafka": {
      const schema = fresh(builtins.kafka!);
      kafkaEnvelope(schema);
      return { Envelope: schema };
    }
    case "sqs-via-eventbridge":
      return { Body: compositeSchema("eventbridge", builtins.eventbridge!, refs, entry) };
    case "sqs-via-s3": {
      const schema = fresh(builtins.s3!);
      const { definitions, $schema, ...root } = schema;
      return { Body: { $schema, definitions: { ...(definitions as object), S3Event: root }, anyOf: [{ $ref: "#/definitions/S3Event" }, { $ref: "#/definitions/S3TestEvent" }] } };
    }
    default:
      return {};
  }
}

/** The other built-in schemas `decodingSchemas` reads for a kind. */
export function extraBuiltins(kind: EntryKind): string[] {
  if (kind === "sqs-via-eventbridge") return ["eventbridge"];
  if (kind === "sqs-via-s3") return ["s3"];
  return [];
}
