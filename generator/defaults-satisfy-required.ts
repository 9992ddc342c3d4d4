/*
 * Part of stage "emit decoders" (`emit-validators.ts`): the tolerant reader fills a property's
 * schema `default` when it is missing (Ajv's `useDefaults`, before the property checks), so a
 * `required` check of that property that follows can never fail. Ajv writes it all the same.
 */

const DEFAULT_FILL = /^if\((data\d*)\.([A-Za-z_$][\w$]*) === undefined\)\{\n\1\.\2 = [^\n]*;\n\}\n/gm;

/** Drops, within each validator, the `required` check of a property filled just before in the same block. */
export function defaultsSatisfyRequired(code: string): string {
  return code
    .split(/^(?=function validate\d+\()/m)
    .map((part) => {
      let checked = part;
      for (const fill of part.matchAll(DEFAULT_FILL)) {
        const [text, data, property] = fill as unknown as [string, string, string];
        const required = new RegExp(String.raw`^if\(${data}\.${escape(property)} === undefined\)\{\nvErrors = requiredError\(vErrors, [^\n]*, "${escape(property)}"\);\nerrors\+\+;\n\}\n`, "m");
        const after = checked.indexOf(text) + text.length;
        const rest = checked.slice(after);
        const check = required.exec(rest);
        // Only in the fill's own block: a fill under `then` or `anyOf` does not always run first.
        if (check && staysInBlock(rest.slice(0, check.index))) checked = checked.slice(0, after) + rest.slice(0, check.index) + rest.slice(check.index + check[0].length);
      }
      return checked;
    })
    .join("");
}

/** Whether code never leaves the block it starts in (braces outside Ajv's string literals). */
function staysInBlock(code: string): boolean {
  let depth = 0;
  for (const [brace] of code.replace(/"(?:[^"\\\n]|\\.)*"/g, '""').matchAll(/[{}]/g)) {
    depth += brace === "{" ? 1 : -1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

function escape(text: string): string {
  return text.replace(/[$]/g, "\\$&");
}
