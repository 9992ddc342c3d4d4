import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { aws_events as events, aws_events_targets as targets, aws_lambda as lambda, aws_lambda_event_sources as sources } from "aws-cdk-lib";
import type { aws_dynamodb as dynamodb, aws_kinesis as kinesis, aws_sqs as sqs } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { kindOf, loadConfig, type EntryKind, type EventEntry, type KataConfig } from "../generator/config.js";

export type KataRuntime = "nodejs22.x" | "nodejs24.x" | "provided.al2023";

export interface KataFunctionProps extends Omit<lambda.FunctionOptions, "architecture"> {
  /** The handler as for kata package: `path/to/module.export`, relative to `projectRoot`. */
  handler: string;
  /** The project holding the handler and kata.config.json. Default: the current directory. */
  projectRoot?: string;
  /** The config whose entries the event source methods check, relative to `projectRoot`. Default: kata.config.json. */
  config?: string;
  /** nodejs22.x (default), nodejs24.x, or provided.al2023 with kata's runtime loop and a bootstrap. */
  runtime?: KataRuntime;
  /** Default: arm64. */
  architecture?: lambda.Architecture;
  /** Default: true. */
  minify?: boolean;
  /** Packages left out of the bundle, e.g. `@aws-sdk/*` on nodejs runtimes. */
  external?: string[];
  /** provided.al2023: the Node.js binary the bootstrap tries first (e.g. from a layer). */
  node?: string;
}

const RUNTIMES: Record<KataRuntime, lambda.Runtime> = {
  "nodejs22.x": lambda.Runtime.NODEJS_22_X,
  "nodejs24.x": lambda.Runtime.NODEJS_24_X,
  "provided.al2023": lambda.Runtime.PROVIDED_AL2023,
};

/**
 * A Lambda function bundled by kata's packager (`kata package`: one tree-shaken ESM file and its
 * source map; for provided.al2023 also kata's runtime and a bootstrap), on arm64, with JSON logs.
 * Its `add*Source` methods take the name of a kata.config.json entry, refuse an entry of another
 * source, and turn on what kata's handlers depend on (ReportBatchItemFailures, the rule pattern).
 */
export class KataFunction extends lambda.Function {
  private readonly kataConfig: () => KataConfig;

  constructor(scope: Construct, id: string, props: KataFunctionProps) {
    const { handler, projectRoot = process.cwd(), config = "kata.config.json", runtime = "nodejs22.x", architecture = lambda.Architecture.ARM_64, minify = true, external = [], node, ...options } = props;
    const bundle = packageHandler(handler, resolve(projectRoot), runtime, minify, external, node);
    super(scope, id, {
      loggingFormat: lambda.LoggingFormat.JSON,
      ...options,
      runtime: RUNTIMES[runtime],
      architecture,
      handler: bundle.handler,
      // No NODE_OPTIONS=--enable-source-maps: the bundle maps its stacks through its map itself.
      code: lambda.Code.fromAsset(bundle.zip),
    });
    let loaded: KataConfig | undefined;
    this.kataConfig = () => (loaded ??= loadConfig(resolve(projectRoot, config)));
  }

  /** An SQS queue feeding an `sqs` entry (also `via` SNS, EventBridge, S3), with ReportBatchItemFailures. */
  addSqsSource(queue: sqs.IQueue, entry: string, props: Omit<sources.SqsEventSourceProps, "reportBatchItemFailures"> = {}): this {
    this.entry(entry, ["sqs", "sqs-via-sns", "sqs-via-eventbridge", "sqs-via-s3"]);
    this.addEventSource(new sources.SqsEventSource(queue, { ...props, reportBatchItemFailures: true }));
    return this;
  }

  /** A Kinesis stream feeding a `kinesis` entry, with ReportBatchItemFailures (from the stream's latest record unless told); `tumblingWindow` exactly when the entry has `window`. */
  addKinesisSource(stream: kinesis.IStream, entry: string, props: Partial<Omit<sources.KinesisEventSourceProps, "reportBatchItemFailures">> = {}): this {
    this.checkWindow(entry, this.entry(entry, ["kinesis", "kinesis-window"]), props.tumblingWindow);
    this.addEventSource(new sources.KinesisEventSource(stream, { startingPosition: lambda.StartingPosition.LATEST, ...props, reportBatchItemFailures: true }));
    return this;
  }

  /** A DynamoDB table's stream feeding a `dynamodb` entry, with ReportBatchItemFailures; `tumblingWindow` exactly when the entry has `window`. */
  addDynamoSource(table: dynamodb.ITable, entry: string, props: Partial<Omit<sources.DynamoEventSourceProps, "reportBatchItemFailures">> = {}): this {
    this.checkWindow(entry, this.entry(entry, ["dynamodb", "dynamodb-window"]), props.tumblingWindow);
    this.addEventSource(new sources.DynamoEventSource(table, { startingPosition: lambda.StartingPosition.LATEST, ...props, reportBatchItemFailures: true }));
    return this;
  }

  /** A rule on `bus` matching the `eventbridge` entry's detailType (and eventSource when the entry names one), targeting this function. */
  addEventBridgeRule(bus: events.IEventBus, entry: string, props: Omit<events.RuleProps, "eventBus" | "eventPattern" | "targets"> = {}): events.Rule {
    const checked = this.entry(entry, ["eventbridge"]);
    return new events.Rule(this, `${entry}Rule`, {
      ...props,
      eventBus: bus,
      eventPattern: { detailType: [checked.detailType!], ...(checked.eventSource === undefined ? {} : { source: [checked.eventSource] }) },
      targets: [new targets.LambdaFunction(this)],
    });
  }

  /**
   * Lambda sends the window fields only on a mapping with a tumbling window, and on such a mapping
   * counts an answer without `state` as a failed invocation: the entry and the mapping must agree.
   */
  private checkWindow(name: string, entry: EventEntry, tumblingWindow: unknown): void {
    if (entry.window !== undefined && tumblingWindow === undefined) {
      throw new Error(`KataFunction ${this.node.path}: entry "${name}" has "window": "tumbling", so its mapping needs tumblingWindow (e.g. Duration.minutes(5)): without one Lambda sends no window or state, and every batch fails to decode`);
    }
    if (entry.window === undefined && tumblingWindow !== undefined) {
      throw new Error(`KataFunction ${this.node.path}: entry "${name}" has no "window", so its handler answers no state, which Lambda counts as a failed invocation on a mapping with tumblingWindow; add "window": "tumbling" to the entry`);
    }
  }

  private entry(name: string, kinds: EntryKind[]): EventEntry {
    const config = this.kataConfig();
    const entry = config.events[name];
    if (entry === undefined) throw new Error(`KataFunction ${this.node.path}: ${config.file} has no entry "${name}"; its entries are: ${Object.keys(config.events).join(", ")}`);
    const kind = kindOf(entry) ?? "plain";
    if (!(kinds as string[]).includes(kind)) throw new Error(`KataFunction ${this.node.path}: entry "${name}" is a ${kind} entry, so its handler cannot take events from ${kinds[0]}; wire it to its own source`);
    return entry;
  }
}

/** Runs `kata package` (synchronously: CDK builds the construct tree synchronously) into a temporary zip. */
function packageHandler(handler: string, cwd: string, runtime: KataRuntime, minify: boolean, external: string[], node: string | undefined): { zip: string; handler: string } {
  const zip = join(mkdtempSync(join(tmpdir(), "kata-cdk-")), "function.zip");
  const bin = fileURLToPath(new URL("../cli/bin.js", import.meta.url));
  const args = [bin, "package", handler, "--runtime", runtime, "--out", zip, ...(minify ? [] : ["--no-minify"]), ...external.flatMap((name) => ["--external", name]), ...(node === undefined ? [] : ["--node", node])];
  const run = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`KataFunction: kata package ${handler} failed in ${cwd}: ${(run.stderr || run.error?.message || "").trim()}`);
  const written = /handler (\S+)\n?$/.exec(run.stdout.trim());
  return { zip, handler: written?.[1] ?? "index.handler" };
}
