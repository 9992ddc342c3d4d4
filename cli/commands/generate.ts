import type { CommandModule } from "yargs";
import { GenerateError } from "../../generator/errors.js";

interface GenerateArgs {
  config: string[];
  check: boolean;
  "allow-outside-project": boolean;
  builtin: boolean;
}

/** `kata generate`: config → types, decoders and typed handler modules. */
export const generateCommand: CommandModule<object, GenerateArgs> = {
  command: "generate",
  describe: "Generate TypeScript types, decoders and typed handlers from kata.config.json",
  builder: (yargs) =>
    yargs
      .option("config", {
        type: "string",
        array: true,
        default: ["kata.config.json"],
        describe: "The config file to read. Schema paths in it are relative to its folder. Repeat to generate several.",
      })
      .option("check", {
        type: "boolean",
        default: false,
        describe: "Write nothing; list the generated files that are out of date and exit 1 if there are any (for CI).",
      })
      .option("allow-outside-project", {
        type: "boolean",
        default: false,
        describe: "Let schema paths, $refs and \"out\" leave the config's project (the nearest folder with a package.json). Refused by default, so that a schema cannot make kata read or write elsewhere.",
      })
      .option("builtin", {
        type: "boolean",
        default: false,
        hidden: true,
        describe: "Also regenerate kata's own generated/ from schemas/ (kata development).",
      })
      .example("$0 generate", "Read ./kata.config.json and write the modules into its \"out\" folder.")
      .example("$0 generate --config infra/kata.config.json --check", "Fail the build when generated code is stale."),
  handler: async (args) => {
    const started = performance.now();
    try {
      // The generator loads ts-morph, json-schema-to-typescript and Ajv (~0.4 s): only this command pays for them.
      const { generate } = await import("../../generator/generate.js");
      const configs = args.builtin && args.config.length === 1 && args.config[0] === "kata.config.json" ? [] : args.config;
      const result = await generate({ configs, builtin: args.builtin, check: args.check, allowOutsideProject: args["allow-outside-project"] });
      const ms = Math.round(performance.now() - started);
      for (const warning of result.warnings) console.error(`kata generate: warning: ${warning}`);
      if (args.check) {
        if (result.stale.length > 0) {
          for (const path of result.stale) console.error(`stale: ${path}`);
          console.error(`kata generate --check: ${result.stale.length} of ${result.files} files are out of date. Run kata generate and commit the result.`);
          process.exitCode = 1;
        } else console.log(`kata generate --check: ${result.files} files up to date (${ms} ms)`);
      } else console.log(`kata generate: ${result.stale.length} of ${result.files} files written (${ms} ms)`);
    } catch (error) {
      if (!(error instanceof GenerateError)) throw error;
      console.error(`kata generate: ${error.message}`);
      process.exitCode = 1;
    }
  },
};
