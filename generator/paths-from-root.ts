/*
 * Part of stage "emit decoders" (`emit-validators.ts`), after `pathsOnFailure`: once no validator
 * passes an instance path to another, each one checks from its own root, and kata calls them with
 * the data alone (`CompiledValidator`). Their paths then start at "" always, so the options
 * parameter, its shared default and the `instancePath +` before every error path go: about 190
 * bytes of the SQS envelope's validators, minified.
 */

/** A call that passes a path on: within a recursion (`pathsOnFailure`), or any code it left as Ajv wrote it. */
const PASSES_PATH = /(?:validate\d+|\.validate)\([^()\n]*, \{instancePath/;

/** Ajv's string literals (a schema's own text, which may spell `instancePath`), or a use of the path. */
const STRING_OR_PATH = /"(?:[^"\\\n]|\\.)*"|\binstancePath ?\+ ?(?=")|(?<=[(,:] ?)\binstancePath\b(?![\w:])/g;
const STRING = /"(?:[^"\\\n]|\\.)*"/g;

export function pathsFromRoot(code: string): string {
  if (PASSES_PATH.test(code.replace(STRING, '""'))) return code;
  const rewritten = code
    .replace(/^const rootOptions = \{instancePath: ""\};\n/m, "")
    .replace(/^(function validate\d+\(data), options = rootOptions\)\{\nconst instancePath = options\.instancePath;\n/gm, "$1){\n")
    .replace(STRING_OR_PATH, (found) => (found.startsWith('"') ? found : found.startsWith("instancePath") && found.trimEnd().endsWith("+") ? "" : '""'));
  // Anything else that reads a path (a module Ajv wrote another way) keeps its options.
  return /\binstancePath\b(?!:)/.test(rewritten.replace(STRING, '""')) ? code : rewritten;
}
