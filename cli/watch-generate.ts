import { dirname, relative, resolve } from "node:path";
import { loadSchemaFiles } from "../generator/schema-files.js";
import type { GeneratedOutput } from "./generated-hint.js";
import { watchSources } from "./watch-files.js";

/**
 * `kata serve --watch`: when a kata.config.json or a schema it reaches changes, runs
 * `kata generate` for that config. The generated modules it rewrites are the bundle's inputs, so
 * the source watcher then restarts the function; a generate error is shown and nothing changes.
 */
export function watchAndGenerate(outputs: GeneratedOutput[], cwd: string, say: (message: string) => void): () => void {
  let stopped = false;
  const stops = outputs.map((output) => {
    let stop = () => {};
    const start = () => {
      if (stopped) return; // serve stopped while generating
      stop = watchSources(inputsOf(output), async (changed) => {
        say(`${relative(cwd, changed) || changed} changed; running kata generate`);
        try {
          // Loaded on first use: serve without schema changes never pays for ts-morph and Ajv.
          const { generate } = await import("../generator/generate.js");
          const result = await generate({ configs: [output.config] });
          say(`kata generate: ${result.stale.length} of ${result.files} files written`);
        } catch (error) {
          say(`kata generate: ${(error as Error).message} (the previous code keeps running)`);
        }
        stop();
        start(); // the config may now name other schemas
      });
    };
    start();
    return () => stop();
  });
  return () => {
    stopped = true;
    stops.forEach((stop) => stop());
  };
}

/** The config and every schema it reaches through `$ref`; only the config's own when a schema does not load. */
function inputsOf(output: GeneratedOutput): string[] {
  const baseDir = dirname(output.config);
  try {
    const files = loadSchemaFiles(baseDir, output.schemas.map((schema) => relative(baseDir, schema)));
    return [output.config, ...[...files.keys()].map((key) => resolve(baseDir, key))];
  } catch {
    return [output.config, ...output.schemas];
  }
}
