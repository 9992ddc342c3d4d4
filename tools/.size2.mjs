import { build } from "esbuild";
const cwd = process.argv[2];
const r = await build({ stdin: { contents: `export { handler } from "./src/process-orders.ts";`, resolveDir: cwd, sourcefile: "kata-entry.js", loader: "js" }, bundle: true, platform: "node", format: "esm", target: "node22", minify: false, treeShaking: true, mainFields: ["module","main"], absWorkingDir: cwd, write: false, outfile: cwd + "/index.mjs", logLevel: "silent" });
process.stdout.write(r.outputFiles[0].text);
