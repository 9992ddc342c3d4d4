import { build } from "esbuild";
const cwd = process.argv[2];
const r = await build({ stdin: { contents: `export { handler } from "./src/process-orders.ts";`, resolveDir: cwd, sourcefile: "kata-entry.js", loader: "js" }, bundle: true, platform: "node", format: "esm", target: "node22", minify: true, treeShaking: true, mainFields: ["module","main"], absWorkingDir: cwd, write: false, metafile: true, outfile: cwd + "/index.mjs", logLevel: "silent" });
const out = Object.values(r.metafile.outputs)[0];
console.log("total", out.bytes);
for (const [k, v] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) if (v.bytesInOutput) console.log(v.bytesInOutput, k);
