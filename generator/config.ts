import { dirname, resolve } from "node:path";
import { ConfigError } from "./errors.js";
import { readJsonFile } from "./read-json.js";

export const SOURCES = ["sqs", "eventbridge", "apigw-v1", "apigw-v2", "sns", "kinesis", "dynamodb", "kafka", "firehose", "cloudwatch-logs", "websocket"] as const;
export type Source = (typeof SOURCES)[number];

/** The services whose messages an `sqs` entry can unwrap (`"via"`): SNS notifications, EventBridge events, S3 notifications. */
export const VIAS = ["sns", "eventbridge", "s3"] as const;
export type Via = (typeof VIAS)[number];

/** The streams whose event source mapping can aggregate over a tumbling window (`"window": "tumbling"`). */
export const WINDOW_SOURCES = ["kinesis", "dynamodb"] as const;
export type WindowSource = (typeof WINDOW_SOURCES)[number];

/** What an entry decodes: its source, for SQS with `via` the envelope inside each body, for a stream with `window` its window event. */
export type EntryKind = Exclude<Source, "sqs"> | "sqs" | `sqs-via-${Via}` | `${WindowSource}-window`;

export function kindOf(entry: EventEntry): EntryKind | undefined {
  if (entry.source === "sqs" && entry.via !== undefined) return `sqs-via-${entry.via}`;
  if ((entry.source === "kinesis" || entry.source === "dynamodb") && entry.window !== undefined) return `${entry.source}-window`;
  return entry.source;
}

/** One entry of `events` in kata.config.json. Paths are relative to the config file. */
export interface EventEntry {
  source?: Source;
  /** sqs: the service whose envelope each body carries (`sns` with raw message delivery off, `eventbridge`, `s3`). */
  via?: Via;
  /** kinesis, dynamodb: `"tumbling"` when the event source mapping has a tumbling window (`TumblingWindowInSeconds`). */
  window?: "tumbling";
  /** sqs, apigw-v1, apigw-v2, websocket: schema of the JSON body. */
  body?: string;
  /** sns, sqs via sns: schema of `Message`; cloudwatch-logs: schema of each log event's `message`. */
  message?: string;
  /** kinesis, firehose: schema of each record's base64 `data`. */
  data?: string;
  /** dynamodb: schema of the unmarshalled `NewImage` and `OldImage`. */
  item?: string;
  /** kafka: schemas of each record's base64 `value` and (optional) `key`. */
  value?: string;
  key?: string;
  /** eventbridge, sqs via eventbridge: schema of `detail`. */
  detail?: string;
  /** eventbridge: the literal `detail-type`. */
  detailType?: string;
  /** eventbridge: the event's `source` (e.g. `com.example.orders`), checked when given. */
  eventSource?: string;
  /** apigw-v1, apigw-v2: schemas of `queryStringParameters` and `pathParameters`. */
  query?: string;
  path?: string;
  /** No source: the schema of a plain invoke payload. */
  schema?: string;
}

export interface KataConfig {
  /** The config file's path as the user gave it, for messages. */
  file: string;
  /** Folder that relative paths start from. */
  baseDir: string;
  out: string;
  events: Record<string, EventEntry>;
}

/** Which keys each source takes, and which of them it needs. */
const SHAPES: Record<EntryKind | "plain", { required: string[]; optional: string[] }> = {
  sqs: { required: ["body"], optional: [] },
  "sqs-via-sns": { required: ["via", "message"], optional: [] },
  "sqs-via-eventbridge": { required: ["via", "detail", "detailType"], optional: ["eventSource"] },
  "sqs-via-s3": { required: ["via"], optional: [] },
  eventbridge: { required: ["detail", "detailType"], optional: ["eventSource"] },
  "apigw-v1": { required: ["body"], optional: ["query", "path"] },
  "apigw-v2": { required: ["body"], optional: ["query", "path"] },
  sns: { required: ["message"], optional: [] },
  kinesis: { required: ["data"], optional: [] },
  dynamodb: { required: ["item"], optional: [] },
  "kinesis-window": { required: ["window", "data"], optional: [] },
  "dynamodb-window": { required: ["window", "item"], optional: [] },
  kafka: { required: ["value"], optional: ["key"] },
  firehose: { required: ["data"], optional: [] },
  "cloudwatch-logs": { required: ["message"], optional: [] },
  websocket: { required: ["body"], optional: [] },
  plain: { required: ["schema"], optional: [] },
};

const NAME = /^[A-Z][A-Za-z0-9]*$/;

export function loadConfig(file: string): KataConfig {
  const raw = readJsonFile(file, file, ConfigError);
  return checkConfig(raw, file, dirname(resolve(file)));
}

export function checkConfig(raw: unknown, file: string, baseDir: string): KataConfig {
  const fail = (pointer: string, problem: string): never => {
    throw new ConfigError(file, pointer, problem);
  };
  if (!isObject(raw)) return fail("", 'must be a JSON object like { "out": "src/generated", "events": { ... } }.');
  for (const key of Object.keys(raw)) if (key !== "out" && key !== "events" && key !== "$schema") fail(`/${key}`, 'is not a config key. Use "out" and "events".');
  if (typeof raw.out !== "string" || raw.out === "") fail("/out", 'must name the output folder, e.g. "src/generated".');
  if (!isObject(raw.events) || Object.keys(raw.events).length === 0) fail("/events", "must be an object with at least one entry, e.g. { \"OrderMessage\": { \"source\": \"sqs\", \"body\": \"./schemas/order.json\" } }.");
  const events: Record<string, EventEntry> = {};
  for (const [name, entry] of Object.entries(raw.events as Record<string, unknown>)) {
    const at = `/events/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (!NAME.test(name)) fail(at, `"${name}" is not a usable name: use PascalCase letters and digits (e.g. "OrderPlaced"), since it becomes the type name.`);
    if (!isObject(entry)) fail(at, "must be an object.");
    const source = (entry as Record<string, unknown>).source;
    if (source !== undefined && !(SOURCES as readonly unknown[]).includes(source)) {
      fail(`${at}/source`, `unknown source ${JSON.stringify(source)}. Use one of ${SOURCES.map((s) => `"${s}"`).join(", ")}, or leave "source" out and give "schema" for a plain invoke payload.`);
    }
    const via = (entry as Record<string, unknown>).via;
    if (via !== undefined && (source !== "sqs" || !(VIAS as readonly unknown[]).includes(via))) {
      fail(`${at}/via`, `${JSON.stringify(via)} is not an envelope kata unwraps${source === "sqs" ? "" : ` for source ${JSON.stringify(source)}`}. "via" is for source "sqs" only: one of ${VIAS.map((v) => `"${v}"`).join(", ")}.`);
    }
    const window = (entry as Record<string, unknown>).window;
    if (window !== undefined && (window !== "tumbling" || !(WINDOW_SOURCES as readonly unknown[]).includes(source))) {
      const sources = WINDOW_SOURCES.map((s) => `"${s}"`).join(" and ");
      fail(`${at}/window`, window !== "tumbling" ? `must be "tumbling" (Lambda's windows for ${sources} are tumbling windows, set with TumblingWindowInSeconds on the event source mapping).` : `is for sources ${sources} only: Lambda has tumbling windows for those streams alone.`);
    }
    const kind = kindOf(entry as EventEntry);
    const shape = SHAPES[kind ?? "plain"];
    const described = kind?.startsWith("sqs-via-") ? `source "sqs" via "${via as string}"` : kind?.endsWith("-window") ? `source "${source as string}" with "window"` : source ? `source "${source as string}"` : "a plain payload";
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
      if (key === "source") continue;
      if (!shape.required.includes(key) && !shape.optional.includes(key)) {
        fail(`${at}/${key}`, `is not used by ${described}. Its keys are: ${[...shape.required, ...shape.optional].join(", ")}.`);
      }
      if (typeof value !== "string" || value === "") fail(`${at}/${key}`, "must be a non-empty string.");
    }
    for (const key of shape.required) {
      if (!(key in (entry as object))) fail(at, `needs "${key}" for ${described}.`);
    }
    events[name] = entry as EventEntry;
  }
  return { file, baseDir, out: raw.out as string, events };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
