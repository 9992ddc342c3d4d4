import type { CommandModule } from "yargs";
import { describeSample, readSample, sampleSources } from "../../emulator/samples.js";
import { reportFailure } from "../command-error.js";

interface EventsArgs {
  source: string | undefined;
}

/** `kata events`: the built-in sample events, to list, print and edit. */
export const eventsCommand: CommandModule<object, EventsArgs> = {
  command: "events [source]",
  describe: "List the built-in sample events, or print one to edit and pass to kata invoke --event",
  builder: (yargs) =>
    yargs
      .positional("source", { type: "string", describe: "The event source whose sample to print (e.g. sqs, apigw-v2). Without it, the samples are listed." })
      .example("$0 events", "List the samples.")
      .example("$0 events sqs > order.json", "Save the SQS sample to edit it, then: kata invoke src/orders.handler --event order.json"),
  handler: (args) => {
    try {
      if (args.source === undefined) {
        const sources = sampleSources();
        const width = Math.max(...sources.map((source) => source.length));
        for (const source of sources) process.stdout.write(`${source.padEnd(width)}  ${describeSample(source)}\n`);
        return;
      }
      process.stdout.write(readSample(args.source));
    } catch (error) {
      reportFailure("events", error);
    }
  },
};
