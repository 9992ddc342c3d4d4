import { createHash } from "node:crypto";
import { dirname, resolve } from "node:path";
import { loadConfig, type EventEntry } from "../generator/config.js";
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
  const refs = (["body", "detail", "query", "path", "schema"] as const).map((key) => entry[key]).filter((ref): ref is string => ref !== undefined);
  const files = loadSchemaFiles(config.baseDir, refs);
  const sample = (ref: string | undefined) => (ref === undefined ? undefined : sampleOf({ $ref: ref }, resolverFor(config.baseDir, config.baseDir, files)));
  return eventFor(entry, sample);
}

function eventFor(entry: EventEntry, sample: (ref: string | undefined) => unknown): unknown {
  switch (entry.source) {
    case undefined:
      return sample(entry.schema);
    case "sqs": {
      const event = JSON.parse(readSample("sqs"));
      const body = JSON.stringify(sample(entry.body));
      Object.assign(event.Records[0], { body, md5OfBody: createHash("md5").update(body).digest("hex") });
      return event;
    }
    case "eventbridge":
      return { ...JSON.parse(readSample("eventbridge")), "detail-type": entry.detailType, ...(entry.eventSource === undefined ? {} : { source: entry.eventSource }), detail: sample(entry.detail) };
    case "apigw-v1":
    case "apigw-v2": {
      const event = JSON.parse(readSample(entry.source));
      const body = JSON.stringify(sample(entry.body));
      Object.assign(event, { body, isBase64Encoded: false });
      for (const [name, value] of [["Content-Type", "application/json"], ["Content-Length", String(Buffer.byteLength(body))]] as const) {
        event.headers = withHeader(event.headers, name, value, entry.source === "apigw-v2");
        if (event.multiValueHeaders !== undefined) event.multiValueHeaders = withHeader(event.multiValueHeaders, name, [value], false);
      }
      if (entry.source === "apigw-v2") event.requestContext.http.method = "POST";
      else event.httpMethod = event.requestContext.httpMethod = "POST";
      if (entry.query !== undefined) {
        const query = sample(entry.query) as Record<string, string>;
        event.queryStringParameters = query;
        if (entry.source === "apigw-v2") event.rawQueryString = new URLSearchParams(query).toString();
        else event.multiValueQueryStringParameters = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, [value]]));
      }
      if (entry.path !== undefined) event.pathParameters = sample(entry.path);
      return event;
    }
  }
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
  switch (entry?.source) {
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
