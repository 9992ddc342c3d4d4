import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { App, Duration, Stack, aws_dynamodb as dynamodb, aws_events as events, aws_kinesis as kinesis, aws_sqs as sqs } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { KataFunction } from "../../cdk/index.js";
import { unzip } from "../cli/unzip.js";
import { projectRoot } from "../support/fixtures.js";
import { makeProject } from "../cli/run-cli.js";

/** `kata/cdk`: the example app (examples/cdk) synthesized offline, its template and its real bundles inspected. */
for (const example of ["orders", "cdk"]) {
  const link = join(projectRoot, "examples", example, "node_modules", "kata");
  if (!existsSync(link)) {
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join("..", "..", ".."), link, "dir"); // what npm install does for "kata": "file:../.."
  }
}

describe("KataFunction in the example CDK app", () => {
  let template: Template;
  let outdir: string;
  before(async () => {
    const { ordersStack } = (await import(join(projectRoot, "examples/cdk/app.mjs"))) as { ordersStack: (app: App) => Stack };
    outdir = mkdtempSync(join(tmpdir(), "kata-cdk-out-"));
    const app = new App({ outdir });
    template = Template.fromStack(ordersStack(app));
  });

  const bundleOf = (logicalIdPrefix: string) => {
    const [resource] = Object.entries(template.findResources("AWS::Lambda::Function")).filter(([id]) => id.startsWith(logicalIdPrefix));
    const code = (resource![1] as { Properties: { Code: { S3Key: string } } }).Properties.Code;
    const entries = unzip(readFileSync(join(outdir, `asset.${code.S3Key}`)));
    return Object.fromEntries(entries.map((entry) => [entry.name, entry]));
  };

  it("makes arm64 functions with JSON logs: the SQS consumer on provided.al2023, the EventBridge handler on nodejs22.x without NODE_OPTIONS", () => {
    template.hasResourceProperties("AWS::Lambda::Function", { Runtime: "provided.al2023", Handler: "index.handler", Architectures: ["arm64"], LoggingConfig: { LogFormat: "JSON" }, Timeout: 10 });
    template.hasResourceProperties("AWS::Lambda::Function", {
      Runtime: "nodejs22.x",
      Handler: "index.handler",
      Architectures: ["arm64"],
      LoggingConfig: { LogFormat: "JSON" },
      Environment: Match.absent(),
    });
  });

  it("ships kata's bundle as the code asset: index.mjs and its map, plus kata's runtime and a bootstrap for provided.al2023, or kata's stack mapper for nodejs22.x", () => {
    const consumer = bundleOf("ProcessOrders");
    assert.deepEqual(Object.keys(consumer).sort(), ["bootstrap", "index.mjs", "index.mjs.map", "kata-runtime.cjs", "kata-runtime.cjs.map"]);
    assert.match(consumer["bootstrap"]!.data.toString(), /Runs index\.handler under kata's runtime loop/);
    assert.match(consumer["index.mjs"]!.data.toString(), /needs manual review/, "the handler's own code is in the bundle");
    const placed = bundleOf("OrderPlaced");
    assert.deepEqual(Object.keys(placed).sort(), ["index.mjs", "index.mjs.map", "kata-source-maps.mjs"]);
    assert.match(placed["index.mjs"]!.data.toString(), /Order Placed/);
  });

  it("maps the queue with ReportBatchItemFailures, and builds the rule pattern from the entry's detailType and source", () => {
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", { FunctionResponseTypes: ["ReportBatchItemFailures"], BatchSize: 10, EventSourceArn: { "Fn::GetAtt": [Match.stringLikeRegexp("^Orders"), "Arn"] } });
    template.hasResourceProperties("AWS::Events::Rule", {
      EventPattern: { "detail-type": ["Order Placed"], source: ["com.example.orders"] },
      EventBusName: { Ref: Match.stringLikeRegexp("^OrderEvents") },
      Targets: [Match.objectLike({ Arn: { "Fn::GetAtt": [Match.stringLikeRegexp("^OrderPlaced"), "Arn"] } })],
    });
  });
});

describe("KataFunction event sources", () => {
  const project = makeProject({
    "kata.config.json": JSON.stringify({
      out: "src/generated",
      events: {
        OrderStream: { source: "kinesis", data: "./order.json" },
        OrderChanges: { source: "dynamodb", item: "./order.json" },
        Shipped: { source: "eventbridge", detailType: "Order Shipped", detail: "./order.json" },
        OrderTotals: { source: "kinesis", window: "tumbling", data: "./order.json" },
      },
    }),
    "order.json": JSON.stringify({ type: "object" }),
    "handler.mjs": "export const handler = async () => ({ batchItemFailures: [] });\n",
  });
  const stack = new Stack(new App(), "Streams");
  const fn = new KataFunction(stack, "Streams", { projectRoot: project.dir, handler: "handler.handler", runtime: "nodejs24.x" });
  fn.addKinesisSource(new kinesis.Stream(stack, "Stream"), "OrderStream");
  const table = new dynamodb.Table(stack, "Table", { partitionKey: { name: "id", type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_IMAGE });
  fn.addDynamoSource(table, "OrderChanges");
  fn.addEventBridgeRule(new events.EventBus(stack, "Bus"), "Shipped");
  fn.addKinesisSource(new kinesis.Stream(stack, "Windowed"), "OrderTotals", { tumblingWindow: Duration.minutes(5) });
  const template = Template.fromStack(stack);
  project.remove();

  it("turns on ReportBatchItemFailures for Kinesis and DynamoDB streams, and leaves out a source the entry does not name", () => {
    template.resourcePropertiesCountIs("AWS::Lambda::EventSourceMapping", { FunctionResponseTypes: ["ReportBatchItemFailures"], StartingPosition: "LATEST", TumblingWindowInSeconds: Match.absent() }, 2);
    template.resourcePropertiesCountIs("AWS::Lambda::EventSourceMapping", { FunctionResponseTypes: ["ReportBatchItemFailures"], TumblingWindowInSeconds: 300 }, 1);
    template.hasResourceProperties("AWS::Lambda::Function", { Runtime: "nodejs24.x", Architectures: ["arm64"] });
    template.hasResourceProperties("AWS::Events::Rule", { EventPattern: { "detail-type": ["Order Shipped"], source: Match.absent() } });
  });

  it("refuses to wire an entry to a source its handler does not take, and names the entries", () => {
    assert.throws(() => fn.addSqsSource(new sqs.Queue(stack, "Queue"), "OrderStream"), { message: 'KataFunction Streams/Streams: entry "OrderStream" is a kinesis entry, so its handler cannot take events from sqs; wire it to its own source' });
    assert.throws(() => fn.addKinesisSource(new kinesis.Stream(stack, "Other"), "Missing"), { message: /has no entry "Missing"; its entries are: OrderStream, OrderChanges, Shipped, OrderTotals$/ });
  });

  it("refuses a tumbling window entry without tumblingWindow on its mapping, and tumblingWindow on an entry without window", () => {
    assert.throws(() => fn.addKinesisSource(new kinesis.Stream(stack, "NoWindow"), "OrderTotals"), { message: /entry "OrderTotals" has "window": "tumbling", so its mapping needs tumblingWindow/ });
    assert.throws(() => fn.addKinesisSource(new kinesis.Stream(stack, "Unwanted"), "OrderStream", { tumblingWindow: Duration.minutes(1) }), { message: /entry "OrderStream" has no "window", so its handler answers no state/ });
  });
});
