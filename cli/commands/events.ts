import type { CommandModule } from "yargs";
import { describeSample, readSample, sampleSources } from "../../emulator/samples.js";
import { reportFailure } from "../command-error.js";

interface EventsArgs {
  source: string | undefined;
  config: string;
  set: string[];
}

/** `kata events`: the built-in sample events, and samples built from a kata.config.json entry's schemas. */
export const eventsCommand: CommandModule<object, EventsArgs> = {
  command: "events [source]",
  describe: "List the built-in sample events, print one, or print a sample of one of your kata.config.json entries built from its schemas",
  builder: (yargs) =>
    yargs
      .positional("source", { type: "string", describe: "A built-in sample's event source (e.g. sqs, apigw-v2), or an entry of kata.config.json (e.g. OrderMessage). Without it, the samples are listed." })
      .option("config", { type: "string", default: "kata.config.json", describe: "The config whose entry to sample." })
      .option("set", { type: "string", array: true, default: [] as string[], describe: "Override a field: quantity=3 or lines.0.sku=A1 in the payload, /Records/0/messageId=m1 in the whole event. JSON values parse (3, true, \"3\"); others are strings." })
      .example("$0 events", "List the samples.")
      .example("$0 events sqs > order.json", "Save the SQS sample to edit it, then: kata invoke src/orders.handler --event order.json")
      .example("$0 events OrderMessage --set quantity=3 > order.json", "A valid SQS event for your OrderMessage entry, built from its schema."),
  handler: async (args) => {
    try {
      if (args.source === undefined) {
        const sources = sampleSources();
        const width = Math.max(...sources.map((source) => source.length));
        for (const source of sources) process.stdout.write(`${source.padEnd(width)}  ${describeSample(source)}\n`);
        return;
      }
      const { ENTRY_NAME } = await import("../entry-sample.js");
      if (!ENTRY_NAME.test(args.source)) {
        process.stdout.write(readSample(args.source));
        return;
      }
      const { applySets, entrySample } = await import("../entry-sample.js");
      const { loadConfig } = await import("../../generator/config.js");
      const event = applySets(entrySample(args.config, args.source), loadConfig(args.config).events[args.source], args.set);
      process.stdout.write(JSON.stringify(event, null, 2) + "\n");
    } catch (error) {
      reportFailure("events", error);
    }
  },
};
