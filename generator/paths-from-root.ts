/*
 * Part of stage "emit decoders" (`emit-validators.ts`), after `pathsOnFailure`: once no validator
 * passes an instance path to another, each one checks from its own root, and kata calls them with
 * the data alone (`CompiledValidator`). Their paths then start at "" always, so the options
 * parameter, its shared default and the `instancePath +` before every error path go: about 190
 * bytes of the SQS envelope's validators, minified.
 */

/** A call that passes a path on: within a recursion (`pathsOnFailure`), or any code it left as Ajv wrote it. */
const PASSES_PATH = /(?:validate\d+|\.validate)\([^()\n]*, \{instancePath/;

export function pathsFromRoot(code: string): string {
  if (PASSES_PATH.test(code)) return code;
  const rewritten = code
    .replace(/^const rootOptions = \{instancePath: ""\};\n/m, "")
    .replace(/^(function validate\d+\(data), options = rootOptions\)\{\nconst instancePath = options\.instancePath;\n/gm, "$1){\n")
    .replace(/\binstancePath ?\+ ?(?=")/g, "")
    .replace(/(?<=[(,:] ?)instancePath\b(?![\w:])/g, '""');
  // Anything else that reads a path (a module Ajv wrote another way) keeps its options.
  return /\binstancePath\b(?!:)/.test(rewritten) ? code : rewritten;
}
