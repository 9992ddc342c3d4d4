import { VariableDeclarationKind } from "ts-morph";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { emitTypes, type TypeParameter } from "./emit-types.js";
import { emitValidators } from "./emit-validators.js";
import { SchemaError } from "./errors.js";
import { readJsonFile } from "./read-json.js";
import { addDecoders, BANNER, renderModule } from "./render-module.js";
import type { GeneratedFile } from "./write.js";
import { slottedEnvelope } from "./slotted-envelope.js";

const COMMAND = "npm run generate";

/**
 * The built-in target: every `schemas/<source>.schema.json` of kata becomes `generated/<source>.ts`
 * (types and decoders) and `generated/<source>.validators.ts` (Ajv standalone code).
 */
export async function planBuiltins(root: string): Promise<GeneratedFile[]> {
  const names = readdirSync(join(root, "schemas")).filter((f) => f.endsWith(".schema.json")).sort();
  const files: GeneratedFile[] = [];
  for (const name of names) files.push(...(await planBuiltin(root, name)));
  const sources = names.map((name) => name.slice(0, -".schema.json".length));
  files.push({
    path: "generated/index.ts",
    text: renderModule(BANNER("schemas/*.schema.json", COMMAND), [], (file) => {
      for (const source of sources) file.addExportDeclaration({ moduleSpecifier: `./${source}.js` });
    }),
  });
  return files;
}

async function planBuiltin(root: string, fileName: string): Promise<GeneratedFile[]> {
  const key = `schemas/${fileName}`;
  const source = fileName.slice(0, -".schema.json".length);
  const schema = readJsonFile(join(root, key), key, SchemaError) as BuiltinSchema;
  const definitions = schema.definitions ?? {};
  const exported = [{ title: schema.title, ref: schema.$id }];
  for (const name of schema["x-kata-exports"] ?? []) {
    const definition = definitions[name];
    if (!definition) throw new SchemaError(key, "/x-kata-exports", `names "${name}", which is not in definitions.`);
    exported.push({ title: definition.title ?? name, ref: `${schema.$id}#/definitions/${name}` });
  }
  const generics = new Map<string, TypeParameter[]>();
  for (const node of [schema, ...Object.values(definitions)]) {
    if (node["x-kata-type-parameters"] && node.title) generics.set(node.title, node["x-kata-type-parameters"]);
  }
  const types = await emitTypes(typeBundle(schema), STAND_IN_ROOT, generics, (name) => name === STAND_IN_ROOT);
  const validatorExports = Object.fromEntries(exported.map((e) => [`validate${e.title}`, e.ref]));
  const slotted = slottedEnvelope(source, schema);
  const validators =
    emitValidators([{ id: schema.$id, file: key, schema: slotted?.schema ?? schema }], validatorExports, "../runtime/decode/index.js", false, slotted !== undefined) +
    (slotted?.code ?? "");
  const banner = BANNER(key, COMMAND);
  const module = renderModule(
    banner,
    [
      { from: "../runtime/decode/index.js", names: ["assertWith", "decodeWith", "isWith"] },
      { from: "../runtime/decode/index.js", names: slotted ? ["CompiledValidator"] : [], typeOnly: true },
      { from: `./${source}.validators.js`, names: [...Object.keys(validatorExports), ...(slotted ? [slotted.slottedName] : [])] },
    ],
    (file) => {
      file.addStatements(types);
      for (const { title } of exported) addDecoders(file, title, `validate${title}`, `\`${title}\``);
      if (slotted) {
        file.addVariableStatement({
          isExported: true,
          declarationKind: VariableDeclarationKind.Const,
          docs: ["The validator of `isNameEvent` / `assertNameEvent` for a config entry of this source: this envelope's checks, the entry's validators in the slots."],
          declarations: [{ name: slotted.withName, type: "(slots: Record<string, CompiledValidator>) => CompiledValidator", initializer: slotted.slottedName }],
        });
      }
    },
  );
  return [
    { path: `generated/${source}.ts`, text: module },
    { path: `generated/${source}.validators.ts`, text: banner + validators },
  ];
}

/*
 * json-schema-to-typescript declares `definitions` only as part of an object root. A root that is
 * a union (`tsType`, `anyOf`) would lose them, so every built-in schema is compiled as a definition
 * of an empty stand-in root, whose interface is then dropped.
 */
const STAND_IN_ROOT = "KataBuiltinStandInRoot";

function typeBundle(schema: BuiltinSchema): Record<string, unknown> {
  const { definitions, $schema, $id, ...root } = schema;
  return { $schema, $id, title: STAND_IN_ROOT, type: "object", definitions: { [schema.title]: root, ...definitions } };
}

interface BuiltinNode {
  title?: string;
  "x-kata-type-parameters"?: TypeParameter[];
}

interface BuiltinSchema extends BuiltinNode, Record<string, unknown> {
  $id: string;
  title: string;
  "x-kata-exports"?: string[];
  definitions?: Record<string, BuiltinNode>;
}
