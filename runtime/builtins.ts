/*
 * Node built-ins for the cold-start path. An ESM `import ... from "node:util"` builds a module
 * namespace of every export, which runs the built-in's lazy getters (util pulls in assert's diff,
 * fs its streams): about 4 ms before the first `/next`. `process.getBuiltinModule` (Node >= 20.16)
 * returns the module object as `require` would, loading only what is used.
 */
export const { format } = process.getBuiltinModule("node:util");
export const { connect } = process.getBuiltinModule("node:net");
export const { existsSync } = process.getBuiltinModule("node:fs");
export const { resolve } = process.getBuiltinModule("node:path");
export const { pathToFileURL } = process.getBuiltinModule("node:url");
export const { createRequire } = process.getBuiltinModule("node:module");
