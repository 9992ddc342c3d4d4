import { kebab } from "../generator/kebab.js";

export const INIT_SOURCES = ["sqs", "eventbridge", "apigw-v2", "apigw-v1", "kinesis", "dynamodb", "sns", "plain"] as const;
export type InitSource = (typeof INIT_SOURCES)[number];

export const DEFAULT_NAMES: Record<InitSource, string> = {
  sqs: "OrderMessage",
  eventbridge: "OrderPlaced",
  "apigw-v2": "CreateOrder",
  "apigw-v1": "CreateOrder",
  kinesis: "OrderRecord",
  dynamodb: "OrderItem",
  sns: "OrderNotice",
  plain: "Reindex",
};

export interface ScaffoldOptions {
  packageName: string;
  source: InitSource;
  /** The entry's name in kata.config.json (PascalCase). */
  name: string;
  kataVersion: string;
  /** typescript and @types/node ranges, as kata itself is built with. */
  typescript: string;
  typesNode: string;
}

/** The schema each source starts from: an order, which the handler and the test then use. */
const SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  description: "An order. Edit this schema, then run npm run generate (kata generate).",
  type: "object",
  required: ["orderId", "quantity"],
  additionalProperties: false,
  properties: {
    orderId: { type: "string", pattern: "^ord-[a-z0-9]+$", description: "`ord-` and lowercase letters or digits." },
    quantity: { type: "integer", minimum: 1 },
    note: { type: "string", maxLength: 200 },
  },
};

/**
 * The files of a new kata project, by path. The sample event (`events/<entry>.json`) is not here:
 * `kata init` builds it from the schema once the config is on disk, as `kata events` does.
 */
export function scaffoldFiles(options: ScaffoldOptions): Record<string, string> {
  const file = kebab(options.name);
  const handler = `src/${file}.handler`;
  const config: Record<string, unknown> = { out: "src/generated", events: { [options.name]: entryOf(options.source, options.name, file) } };
  return {
    "package.json": json({
      name: options.packageName,
      version: "0.1.0",
      private: true,
      type: "module",
      scripts: {
        generate: "kata generate",
        build: "kata generate && tsc -p .",
        test: "npm run build && node --test dist/test/",
        invoke: `kata invoke ${handler} --event events/${file}.json`,
        serve: `kata serve ${handler} --watch${options.source.startsWith("apigw") ? " --http" : ""}`,
        package: `kata package ${handler} --out dist/function.zip`,
      },
      dependencies: { kata: `^${options.kataVersion}` },
      devDependencies: { "@types/node": options.typesNode, typescript: options.typescript },
    }),
    "tsconfig.json": json({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2023"],
        types: ["node"],
        strict: true,
        outDir: "dist",
        rootDir: ".",
        skipLibCheck: true,
        verbatimModuleSyntax: true,
        sourceMap: true,
      },
      include: ["src", "test"],
    }),
    "kata.config.json": json(config),
    [`schemas/${file}.json`]: json(SCHEMA),
    [`src/${file}.ts`]: handlerModule(options.source, options.name, file),
    [`test/${file}.test.ts`]: testModule(options.source, file),
    ".gitignore": "node_modules/\ndist/\n",
  };
}

function entryOf(source: InitSource, name: string, file: string): Record<string, string> {
  const schema = `./schemas/${file}.json`;
  switch (source) {
    case "plain":
      return { schema };
    case "eventbridge":
      return { source, detailType: words(name), eventSource: "com.example.orders", detail: schema };
    case "kinesis":
      return { source, data: schema };
    case "dynamodb":
      return { source, item: schema };
    case "sns":
      return { source, message: schema };
    default:
      return { source, body: schema };
  }
}

/** `OrderPlaced` → `Order Placed`, the EventBridge way of writing a detail type. */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2");
}

function handlerModule(source: InitSource, name: string, file: string): string {
  const head = `import { on${name} } from "./generated/${file}.js";\n\n`;
  switch (source) {
    case "sqs":
      return `${head}/** One call per SQS record, its body decoded and validated; a record that fails is retried alone (partial batch response). */
export const handler = on${name}(async (order, record) => {
  if (order.quantity > 100) throw new Error(\`order \${order.orderId}: quantity \${order.quantity} needs manual review\`);
  console.log(\`reserved \${order.quantity} for \${order.orderId} (message \${record.messageId})\`);
});
`;
    case "eventbridge":
      return `${head}/** An EventBridge event whose detail is decoded and validated, and whose detail-type is checked. */
export const handler = on${name}(async (event) => {
  console.log(\`\${event["detail-type"]}: \${event.detail.orderId} x \${event.detail.quantity}\`);
  return { acknowledged: event.detail.orderId };
});
`;
    case "kinesis":
      return `${head}/**
 * One call per Kinesis record, in shard order, its data decoded and validated. The batch stops at
 * the first record that fails, and only that one is reported, so Lambda retries from it.
 */
export const handler = on${name}(async (order, record) => {
  if (order.quantity > 100) throw new Error(\`order \${order.orderId}: quantity \${order.quantity} needs manual review\`);
  console.log(\`reserved \${order.quantity} for \${order.orderId} (sequence number \${record.kinesis.sequenceNumber})\`);
});
`;
    case "dynamodb":
      return `${head}/**
 * One call per DynamoDB stream record, in order, its images unmarshalled and validated. The batch
 * stops at the first record that fails, and only that one is reported, so Lambda retries from it.
 */
export const handler = on${name}(async (record) => {
  const order = record.dynamodb.NewImage;
  if (order === undefined) return; // a REMOVE, or a stream view without new images
  if (order.quantity > 100) throw new Error(\`order \${order.orderId}: quantity \${order.quantity} needs manual review\`);
  console.log(\`\${record.eventName} \${order.orderId} x \${order.quantity}\`);
});
`;
    case "sns":
      return `${head}/**
 * An SNS notification whose message is decoded and validated. An invalid one is a DecodeError:
 * Lambda retries the invocation, then sends it to the dead-letter queue or on-failure destination.
 */
export const handler = on${name}(async (order, record) => {
  console.log(\`order \${order.orderId} x \${order.quantity} (SNS message \${record.Sns.MessageId})\`);
});
`;
    case "plain":
      return `${head}/** A direct invocation whose payload is decoded and validated. */
export const handler = on${name}(async (order) => {
  return { orderId: order.orderId, total: order.quantity };
});
`;
    default:
      return `${head}/** An API request whose JSON body is decoded and validated; an invalid body gets 400 problem+json without reaching this code. */
export const handler = on${name}(async (order) => {
  return {
    statusCode: 201,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ orderId: order.orderId, quantity: order.quantity }),
  };
});
`;
  }
}

function testModule(source: InitSource, file: string): string {
  const head = `import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { handler } from "../src/${file}.js";

// The sample event kata init wrote; regenerate it with: npx kata events <EntryName> > events/${file}.json
const sample = () => JSON.parse(readFileSync(new URL("../../events/${file}.json", import.meta.url), "utf8"));
const context = { awsRequestId: "test-request", functionName: "${file}", getRemainingTimeInMillis: () => 3_000 } as unknown as Parameters<typeof handler>[1];

`;
  switch (source) {
    case "sqs":
      return `${head}test("processes a valid order", async () => {
  assert.deepEqual(await handler(sample(), context), { batchItemFailures: [] });
});

test("reports a record whose body is invalid, or whose processing fails, as a batch item failure", async () => {
  for (const body of [{ orderId: "ord-1", quantity: 0 }, { orderId: "ord-1", quantity: 101 }]) {
    const event = sample();
    event.Records[0].body = JSON.stringify(body);
    assert.deepEqual(await handler(event, context), { batchItemFailures: [{ itemIdentifier: event.Records[0].messageId }] });
  }
});
`;
    case "eventbridge":
      return `${head}test("acknowledges a valid event", async () => {
  const event = sample();
  assert.deepEqual(await handler(event, context), { acknowledged: event.detail.orderId });
});

test("rejects an event with an invalid detail", async () => {
  const event = sample();
  event.detail.quantity = 0;
  await assert.rejects(async () => handler(event, context), { name: "DecodeError" });
});
`;
    case "kinesis":
      return `${head}test("processes a valid order", async () => {
  assert.deepEqual(await handler(sample(), context), { batchItemFailures: [] });
});

test("reports a record whose data is invalid, or whose processing fails, as the batch item failure", async () => {
  for (const order of [{ orderId: "ord-1", quantity: 0 }, { orderId: "ord-1", quantity: 101 }]) {
    const event = sample();
    event.Records[0].kinesis.data = Buffer.from(JSON.stringify(order)).toString("base64");
    assert.deepEqual(await handler(event, context), { batchItemFailures: [{ itemIdentifier: event.Records[0].kinesis.sequenceNumber }] });
  }
});
`;
    case "dynamodb":
      return `${head}test("processes a valid order", async () => {
  assert.deepEqual(await handler(sample(), context), { batchItemFailures: [] });
});

test("reports a record whose image is invalid, or whose processing fails, as the batch item failure", async () => {
  for (const quantity of ["0", "101"]) {
    const event = sample();
    event.Records[0].dynamodb.NewImage = { orderId: { S: "ord-1" }, quantity: { N: quantity } };
    assert.deepEqual(await handler(event, context), { batchItemFailures: [{ itemIdentifier: event.Records[0].dynamodb.SequenceNumber }] });
  }
});
`;
    case "sns":
      return `${head}test("handles a valid message", async () => {
  assert.equal(await handler(sample(), context), undefined);
});

test("rejects an invalid message", async () => {
  const event = sample();
  event.Records[0].Sns.Message = JSON.stringify({ orderId: "ord-1", quantity: 0 });
  await assert.rejects(async () => handler(event, context), { name: "DecodeError" });
});
`;
    case "plain":
      return `${head}test("handles a valid payload", async () => {
  const order = sample();
  assert.deepEqual(await handler(order, context), { orderId: order.orderId, total: order.quantity });
});

test("rejects an invalid payload", async () => {
  await assert.rejects(async () => handler({ ...sample(), quantity: 0 }, context), { name: "DecodeError" });
});
`;
    default:
      return `${head}test("creates an order from a valid body", async () => {
  const result = await handler(sample(), context);
  assert.equal(result.statusCode, 201);
  assert.equal(JSON.parse(String(result.body)).orderId, JSON.parse(sample().body).orderId);
});

test("answers 400 to an invalid body", async () => {
  const event = sample();
  event.body = JSON.stringify({ orderId: "ord-1", quantity: 0 });
  assert.equal((await handler(event, context)).statusCode, 400);
});
`;
  }
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
