/*
 * Build step after tsc: `dist/runtime/decode/index.js` becomes one file holding all of
 * `runtime/decode/`. Node's ES module loader pays per module (resolve, read, link), which made
 * `import("kata/events/<source>")` cost about 10 ms over twenty files and well under 1 ms as one.
 * Imports that leave the folder (`../error-response.js`) stay imports, so the runtime and the
 * decoders keep sharing those modules. The per-file outputs stay in dist for the generator and CLI.
 */
import { build } from "esbuild";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const folder = join(root, "dist", "runtime", "decode");
const entry = join(folder, "index.js");

const keepOutsideImports = {
  name: "keep-imports-outside-decode",
  setup(builder) {
    builder.onResolve({ filter: /^\.\.?\// }, ({ path, resolveDir }) => {
      const target = join(resolveDir, path);
      return target.startsWith(folder + sep) ? undefined : { path: relative(folder, target).split(sep).join("/"), external: true };
    });
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: [entry],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  metafile: true,
  legalComments: "none",
  logLevel: "warning",
  banner: { js: "// Bundled by tools/bundle-decode.mjs from runtime/decode/*.ts (see its source map)." },
  plugins: [keepOutsideImports],
});

const external = result.metafile.outputs[relative(root, entry).split(sep).join("/")].imports;
for (const { path } of external) {
  if (!path.startsWith("../")) throw new Error(`tools/bundle-decode.mjs: the decode bundle still imports ${path}, a file inside runtime/decode/`);
}
