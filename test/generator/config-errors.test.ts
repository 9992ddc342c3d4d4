import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { generate } from "../../generator/generate.js";
import { lineAndColumn } from "../decode/fixture-suite.js";
import { rejection, TempProject } from "./support/temp-project.js";

// Every rejected config names the file and the JSON pointer of the problem, and writes nothing.

let project: TempProject;
before(() => {
  project = new TempProject();
  project.write("schemas/order.json", { type: "object" });
});
after(() => project.remove());

const configError = async (config: unknown) => {
  const error = await rejection(() => project.generate(config), "ConfigError");
  assert.equal(existsSync(project.path("out")), false, "a rejected config must write nothing");
  return error;
};

describe("config errors", () => {
  it("names a missing config file", async () => {
    const missing = project.path("nowhere/kata.config.json");
    const error = await rejection(() => generate({ configs: [missing] }), "ConfigError");
    assert.equal(error.message, `${missing}: file not found. Check the path (relative paths start from the config file's folder).`);
  });

  it("gives the position, line and column of a JSON syntax error", async () => {
    const text = '{\n  "out": "out",\n  "events": { "Order": { "schema": "./schemas/order.json" }, }\n}\n';
    const offset = text.indexOf(", }") + 2;
    const error = await configError(text);
    assert.equal(error.pointer, undefined);
    assert.ok(error.message.startsWith(`${project.path("kata.config.json")}: is not JSON: `), error.message);
    assert.ok(error.message.endsWith(`position ${offset} (${lineAndColumn(text, offset)}). Fix the JSON syntax.`), error.message);
  });

  it("lists the valid sources when the source is unknown", async () => {
    const error = await configError({ out: "out", events: { Order: { source: "sms", body: "./schemas/order.json" } } });
    assert.equal(error.pointer, "/events/Order/source");
    assert.match(error.message, /unknown source "sms"\. Use one of "sqs", "eventbridge", "apigw-v1", "apigw-v2", "sns", "kinesis", "dynamodb", "kafka", "firehose", "cloudwatch-logs", "websocket"/);
  });

  it("refuses a via on another source, or an envelope kata does not unwrap", async () => {
    const onSns = await configError({ out: "out", events: { Order: { source: "sns", via: "sqs", message: "./schemas/order.json" } } });
    assert.equal(onSns.pointer, "/events/Order/via");
    assert.match(onSns.message, /"via" is for source "sqs" only: one of "sns", "eventbridge", "s3"\.$/);
    const unknown = await configError({ out: "out", events: { Order: { source: "sqs", via: "kinesis", body: "./schemas/order.json" } } });
    assert.equal(unknown.pointer, "/events/Order/via");
  });

  it("takes a tumbling window on Kinesis and DynamoDB entries only, spelled \"tumbling\"", async () => {
    const onSqs = await configError({ out: "out", events: { Order: { source: "sqs", window: "tumbling", body: "./schemas/order.json" } } });
    assert.equal(onSqs.pointer, "/events/Order/window");
    assert.match(onSqs.message, /is for sources "kinesis" and "dynamodb" only: Lambda has tumbling windows for those streams alone\.$/);
    const flag = await configError({ out: "out", events: { Order: { source: "kinesis", window: true, data: "./schemas/order.json" } } });
    assert.equal(flag.pointer, "/events/Order/window");
    assert.match(flag.message, /must be "tumbling" \(Lambda's windows for "kinesis" and "dynamodb" are tumbling windows, set with TumblingWindowInSeconds on the event source mapping\)\.$/);
    const missing = await configError({ out: "out", events: { Order: { source: "dynamodb", window: "tumbling" } } });
    assert.equal(missing.pointer, "/events/Order");
    assert.match(missing.message, /needs "item" for source "dynamodb" with "window"\.$/);
    const unused = await configError({ out: "out", events: { Order: { source: "kinesis", window: "tumbling", data: "./schemas/order.json", item: "./schemas/order.json" } } });
    assert.equal(unused.pointer, "/events/Order/item");
    assert.match(unused.message, /is not used by source "kinesis" with "window"\. Its keys are: window, data\.$/);
  });

  it("names the key an SQS envelope needs, and the key it does not use", async () => {
    const missing = await configError({ out: "out", events: { Order: { source: "sqs", via: "sns" } } });
    assert.equal(missing.pointer, "/events/Order");
    assert.match(missing.message, /needs "message" for source "sqs" via "sns"\.$/);
    const unused = await configError({ out: "out", events: { Order: { source: "sqs", via: "sns", body: "./schemas/order.json", message: "./schemas/order.json" } } });
    assert.equal(unused.pointer, "/events/Order/body");
    assert.match(unused.message, /is not used by source "sqs" via "sns"\. Its keys are: via, message\.$/);
  });

  it("rejects an unknown top-level key at its pointer", async () => {
    const error = await configError({ out: "out", outDir: "x", events: { Order: { schema: "./schemas/order.json" } } });
    assert.equal(error.pointer, "/outDir");
    assert.match(error.message, /is not a config key/);
  });

  it("rejects a key the entry's source does not use, and names the keys it does", async () => {
    const error = await configError({ out: "out", events: { Order: { source: "sqs", schema: "./schemas/order.json" } } });
    assert.equal(error.pointer, "/events/Order/schema");
    assert.match(error.message, /is not used by source "sqs"\. Its keys are: body\.$/);
  });

  it("names the required key an entry lacks", async () => {
    const error = await configError({ out: "out", events: { Placed: { source: "eventbridge", detail: "./schemas/order.json" } } });
    assert.equal(error.pointer, "/events/Placed");
    assert.match(error.message, /needs "detailType" for source "eventbridge"/);
  });

  it("requires out and at least one event", async () => {
    assert.equal((await configError({ events: { Order: { schema: "./schemas/order.json" } } })).pointer, "/out");
    assert.equal((await configError({ out: "out", events: {} })).pointer, "/events");
    assert.equal((await configError([])).pointer, "");
  });

  it("rejects an entry name that cannot be a type name", async () => {
    const error = await configError({ out: "out", events: { "order-placed": { schema: "./schemas/order.json" } } });
    assert.equal(error.pointer, "/events/order-placed");
    assert.match(error.message, /PascalCase/);
  });

  it("rejects an empty path", async () => {
    const error = await configError({ out: "out", events: { Order: { schema: "" } } });
    assert.equal(error.pointer, "/events/Order/schema");
    assert.match(error.message, /must be a non-empty string/);
  });
});

describe("names that collide", () => {
  const api = (extra: object = {}) => ({ source: "apigw-v2", body: "./schemas/order.json", ...extra });

  it("rejects an entry named like another entry's query type", async () => {
    const error = await configError({ out: "out", events: { Order: api({ query: "./schemas/order.json" }), OrderQuery: { schema: "./schemas/order.json" } } });
    assert.equal(error.pointer, "/events/OrderQuery");
    assert.match(error.message, /collides with "Order": both would generate the name OrderQuery\. Rename one of them\./);
  });

  it("rejects two entries that would write the same file", async () => {
    const error = await configError({ out: "out", events: { AbTest: { schema: "./schemas/order.json" }, ABTest: { schema: "./schemas/order.json" } } });
    assert.equal(error.pointer, "/events/ABTest");
    assert.match(error.message, /collides with "AbTest": both would generate the file ab-test\.ts/);
  });

  it("rejects a plain entry named like another entry's event type", async () => {
    const error = await configError({ out: "out", events: { Order: api(), OrderEvent: { schema: "./schemas/order.json" } } });
    assert.match(error.message, /both would generate the name OrderEvent/);
  });

  it("rejects entries whose files or names kata's own code uses", async () => {
    for (const [name, entry, what] of [
      ["Index", { schema: "./schemas/order.json" }, "the file index.ts"],
      ["KataTypes", { schema: "./schemas/order.json" }, "the file kata-types.ts"],
      ["With", { schema: "./schemas/order.json" }, "the name decodeWith"],
      ["SQS", { source: "sqs", body: "./schemas/order.json" }, "the name SQSEvent"],
      ["ApiRequest", api(), "the name decodeApiRequest"],
    ] as const) {
      const error = await configError({ out: "out", events: { [name]: entry } });
      assert.equal(error.pointer, `/events/${name}`);
      assert.ok(error.message.includes(`would generate ${what}, which kata's generated code already uses`), error.message);
    }
  });
});
