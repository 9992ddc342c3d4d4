import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { dirname, resolve } from "node:path";
import { kindOf, loadConfig, type EventEntry } from "../generator/config.js";
import { loadSchemaFiles, resolvePointer, targetOf, type SchemaFile } from "../generator/schema-files.js";
import { readSample } from "../emulator/samples.js";
import { CommandError } from "./command-error.js";
import { sampleOf, type RefResolver } from "./schema-sample.js";

/** The entry's name in kata.config.json; PascalCase, unlike the built-in samples' names. */
export const ENTRY_NAME = /^[A-Z][A-Za-z0-9]*$/;

/**
 * A sample event for a kata.config.json entry, built from the user's own schemas on top of the
 * source's built-in sample: the SQS body, the EventBridge detail with the entry's `detail-type`
 * and `source`, the API body, query and path parameters, or a plain payload.
 */
export function entrySample(configFile: string, name: string): unknown {
  const config = loadConfig(configFile);
  const entry = config.events[name];
  if (entry === undefined) {
    throw new CommandError(`${configFile} has no entry "${name}"; its entries are: ${Object.keys(config.events).join(", ")}`);
  }
  const refs = (["body", "detail", "query", "path", "schema", "message", "data", "item", "value", "key"] as const).map((key) => entry[key]).filter((ref): ref is string => ref !== undefined);
  const files = loadSchemaFiles(config.baseDir, refs);
  const sample = (ref: string | undefined) => (ref === undefined ? undefined : sampleOf({ $ref: ref }, resolverFor(config.baseDir, config.baseDir, files)));
  return eventFor(entry, sample);
}

function eventFor(entry: EventEntry, sample: (ref: string | undefined) => unknown): unknown {
  const json = (ref: string | undefined) => JSON.stringify(sample(ref));
  const base64 = (ref: string | undefined) => Buffer.from(json(ref)).toString("base64");
  const kind = kindOf(entry);
  switch (kind) {
    case undefined:
      return sample(entry.schema);
    case "kinesis-window":
    case "dynamodb-window": {
      const { window: _window, ...stream } = entry;
      return windowEvent(eventFor(stream, sample) as Parameters<typeof windowEvent>[0]);
    }
    case "sqs":
      return sqsEvent(json(entry.body));
    case "sqs-via-sns":
      return sqsEvent(JSON.stringify(snsNotification(json(entry.message))));
    case "sqs-via-eventbridge":
      return sqsEvent(JSON.stringify(eventBridgeEvent(entry, sample(entry.detail))));
    case "sqs-via-s3":
      return sqsEvent(JSON.stringify(JSON.parse(readSample("s3"))));
    case "eventbridge":
      return eventBridgeEvent(entry, sample(entry.detail));
    case "sns": {
      const event = JSON.parse(readSample("sns"));
      event.Records[0].Sns.Message = json(entry.message);
      return event;
    }
    case "kinesis": {
      const event = JSON.parse(readSample("kinesis"));
      event.Records[0].kinesis.data = base64(entry.data);
      return event;
    }
    case "firehose": {
      const event = JSON.parse(readSample("firehose"));
      event.records = [{ ...event.records[0], data: base64(entry.data) }];
      return event;
    }
    case "kafka": {
      const event = JSON.parse(readSample("kafka"));
      const [topic] = Object.keys(event.records);
      const record = { ...event.records[topic!][0], value: base64(entry.value) };
      if (entry.key !== undefined) record.key = base64(entry.key);
      event.records = { [topic!]: [record] };
      return event;
    }
    case "dynamodb": {
      const event = JSON.parse(readSample("dynamodb"));
      const image = marshall(sample(entry.item));
      Object.assign(event.Records[0].dynamodb, { NewImage: image });
      return event;
    }
    case "cloudwatch-logs": {
      const logs = { messageType: "DATA_MESSAGE", owner: "123456789012", logGroup: "/aws/lambda/orders", logStream: "2026/11/30/[$LATEST]0123456789abcdef", subscriptionFilters: ["orders"], logEvents: [{ id: "0", timestamp: 1764493200000, message: json(entry.message) }] };
      return { awslogs: { data: gzipSync(JSON.stringify(logs)).toString("base64") } };
    }
    case "websocket":
      return { ...JSON.parse(readSample("apigw-websocket")), body: json(entry.body), isBase64Encoded: false };
    case "apigw-v1":
    case "apigw-v2":
      return apiEvent(entry, kind, sample);
  }
}

/** A stream event as a mapping with a tumbling window sends it: the first invocation of a five-minute window. */
function windowEvent(event: { Records: { eventSourceARN: string; eventID: string }[] }): unknown {
  const record = event.Records[0]!;
  // Kinesis event ids are `shardId-...:sequence number`; DynamoDB's are not, so a shard id like the ones DynamoDB Streams use.
  const shardId = record.eventID.startsWith("shardId-") ? record.eventID.split(":")[0] : "shardId-00000001764493200000-0a1b2c3d";
  return {
    ...event,
    window: { start: "2026-11-30T09:00:00Z", end: "2026-11-30T09:05:00Z" },
    state: {},
    shardId,
    eventSourceARN: record.eventSourceARN,
    isFinalInvokeForWindow: false,
    isWindowTerminatedEarly: false,
  };
}

function sqsEvent(body: string): unknown {
  const event = JSON.parse(readSample("sqs"));
  Object.assign(event.Records[0], { body, md5OfBody: createHash("md5").update(body).digest("hex") });
  return event;
}

/** The notification SNS puts in an SQS body (no raw message delivery): the Lambda record's fields, URLs spelled as in the body. */
function snsNotification(message: string): Record<string, unknown> {
  const { SigningCertUrl, UnsubscribeUrl, ...fields } = JSON.parse(readSample("sns")).Records[0].Sns;
  return { ...fields, Message: message, SigningCertURL: SigningCertUrl, UnsubscribeURL: UnsubscribeUrl };
}

function eventBridgeEvent(entry: EventEntry, detail: unknown): Record<string, unknown> {
  return { ...JSON.parse(readSample("eventbridge")), "detail-type": entry.detailType, ...(entry.eventSource === undefined ? {} : { source: entry.eventSource }), detail };
}

function apiEvent(entry: EventEntry, source: "apigw-v1" | "apigw-v2", sample: (ref: string | undefined) => unknown): unknown {
  const event = JSON.parse(readSample(source));
  const body = JSON.stringify(sample(entry.body));
  Object.assign(event, { body, isBase64Encoded: false });
  for (const [name, value] of [["Content-Type", "application/json"], ["Content-Length", String(Buffer.byteLength(body))]] as const) {
    event.headers = withHeader(event.headers, name, value, source === "apigw-v2");
    if (event.multiValueHeaders !== undefined) event.multiValueHeaders = withHeader(event.multiValueHeaders, name, [value], false);
  }
  if (source === "apigw-v2") event.requestContext.http.method = "POST";
  else event.httpMethod = event.requestContext.httpMethod = "POST";
  if (entry.query !== undefined) {
    const query = sample(entry.query) as Record<string, string>;
    event.queryStringParameters = query;
    if (source === "apigw-v2") event.rawQueryString = new URLSearchParams(query).toString();
    else event.multiValueQueryStringParameters = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, [value]]));
  }
  if (entry.path !== undefined) event.pathParameters = sample(entry.path);
  return event;
}

/** A plain value as a DynamoDB stream image (`{"S": ...}`, `{"N": ...}`, ...). */
function marshall(value: unknown): unknown {
  const attribute = (v: unknown): unknown => {
    if (v === null) return { NULL: true };
    if (typeof v === "string") return { S: v };
    if (typeof v === "number") return { N: String(v) };
    if (typeof v === "boolean") return { BOOL: v };
    if (Array.isArray(v)) return { L: v.map(attribute) };
    return { M: marshall(v) };
  };
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, v]) => [key, attribute(v)]));
}

/** Sets a header, replacing one of the same name in any case (HTTP APIs send lowercase names). */
function withHeader(headers: Record<string, unknown>, name: string, value: unknown, lowercase: boolean): Record<string, unknown> {
  const kept = Object.entries(headers ?? {}).filter(([key]) => key.toLowerCase() !== name.toLowerCase());
  return Object.fromEntries([...kept, [lowercase ? name.toLowerCase() : name, value]]);
}

/** `$ref`s resolve as the generator resolves them: relative to the file that holds them, `#` inside it. */
function resolverFor(baseDir: string, fromDir: string, files: Map<string, SchemaFile>, current?: SchemaFile): RefResolver {
  return (ref) => {
    const target = ref.startsWith("#") && current !== undefined ? { key: current.key, pointer: decodeURIComponent(ref.slice(1)) } : targetOf(baseDir, fromDir, ref);
    const file = files.get(target.key)!;
    return { schema: resolvePointer(file.schema, target.pointer), resolve: resolverFor(baseDir, dirname(resolve(baseDir, target.key)), files, file) };
  };
}

/**
 * `--set path=value`: `quantity=3` or `lines.0.sku=A1` set a field of the payload (what the
 * entry's schema describes), `/Records/0/messageId=m1` a JSON pointer into the whole event. The
 * value is JSON when it parses (`3`, `true`, `"3"`), a string otherwise.
 */
export function applySets(event: unknown, entry: EventEntry | undefined, sets: string[]): unknown {
  for (const set of sets) {
    const eq = set.indexOf("=");
    if (eq <= 0) throw new CommandError(`--set ${set} is not path=value, e.g. --set quantity=3`);
    const path = set.slice(0, eq);
    const raw = set.slice(eq + 1);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    if (path.startsWith("/")) event = setAt(event, path.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")), value, path);
    else event = setInPayload(event, entry, path.split("."), value, path);
  }
  return event;
}

function setInPayload(event: unknown, entry: EventEntry | undefined, path: string[], value: unknown, shown: string): unknown {
  const e = event as Record<string, any>;
  const kind = entry === undefined ? undefined : kindOf(entry);
  if (kind !== undefined && !["eventbridge", "sqs", "apigw-v1", "apigw-v2", "websocket"].includes(kind)) {
    throw new CommandError(`--set ${shown}: for a ${kind} entry, name the field by JSON pointer into the whole event (e.g. /Records/0/...)`);
  }
  switch (kind) {
    case undefined:
      return setAt(event, path, value, shown);
    case "eventbridge":
      e.detail = setAt(e.detail, path, value, shown);
      return event;
    case "sqs": {
      const record = e.Records[0];
      record.body = JSON.stringify(setAt(JSON.parse(record.body), path, value, shown));
      record.md5OfBody = createHash("md5").update(record.body).digest("hex");
      return event;
    }
    default:
      e.body = JSON.stringify(setAt(JSON.parse(e.body), path, value, shown));
      return event;
  }
}

function setAt(root: unknown, path: string[], value: unknown, shown: string): unknown {
  if (path.length === 0 || (path.length === 1 && path[0] === "")) return value;
  let node = root;
  for (const [i, key] of path.entries()) {
    if (typeof node !== "object" || node === null) throw new CommandError(`--set ${shown}: ${path.slice(0, i).join(".") || "the root"} is not an object or array`);
    const container = node as Record<string, unknown>;
    if (i === path.length - 1) container[key] = value;
    else {
      if (container[key] === undefined) container[key] = /^\d+$/.test(path[i + 1]!) ? [] : {};
      node = container[key];
    }
  }
  return root;
}
