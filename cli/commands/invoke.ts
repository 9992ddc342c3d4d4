import type { CommandModule } from "yargs";
import { Emulator } from "../../emulator/emulator.js";
import { progress, reportFailure } from "../command-error.js";
import { prepareFunction, withFunctionOptions, type FunctionArgs } from "../function-options.js";
import { failureLine, formatPayload } from "../print-result.js";
import { readEvent } from "../read-event.js";

interface InvokeArgs extends FunctionArgs {
  event: string | undefined;
}

/** `kata invoke`: one invocation through the local Runtime API emulator and kata's loop. */
export const invokeCommand: CommandModule<object, InvokeArgs> = {
  command: "invoke <handler>",
  describe: "Run one invocation of a handler locally, as Lambda would, and print its logs and result",
  builder: (yargs) =>
    withFunctionOptions(
      yargs
        .option("event", { alias: "e", type: "string", describe: "The event: a JSON file, - to read it from stdin, or a built-in sample (see kata events). Default: {}." }),
    )
      .example("$0 invoke src/orders.handler --event sqs", "Invoke with the built-in SQS sample event.")
      .example("$0 invoke src/orders.handler --event events/order.json --timeout 10", "Invoke with your own event and a 10 s timeout.")
      .example("echo '{\"id\":1}' | $0 invoke dist/index.handler --event -", "Read the event from stdin.")
      .example("$0 invoke index.handler --exec ./bootstrap --event sqs", "Run a custom runtime's bootstrap instead of kata's runtime."),
  handler: async (args) => {
    const cwd = process.cwd();
    let emulator: Emulator | undefined;
    try {
      const event = await readEvent(args.event, cwd);
      const prepared = await prepareFunction(args, cwd, (message) => progress("invoke", message));
      emulator = await Emulator.start(prepared.options);
      const result = await emulator.invoke(event.text);
      await emulator.ended(); // END and REPORT before the result, as in the function's log
      process.stdout.write(formatPayload(result.payload) + "\n");
      if (result.error !== undefined) reportFailure("invoke", new Error(failureLine(result)));
    } catch (error) {
      reportFailure("invoke", error);
    } finally {
      await emulator?.close();
    }
  },
};
