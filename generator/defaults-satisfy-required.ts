/*
 * Part of stage "emit decoders" (`emit-validators.ts`): the tolerant reader fills a property's
 * schema `default` when it is missing (Ajv's `useDefaults`, before the property checks), so a
 * `required` check of that property that follows can never fail. Ajv writes it all the same.
 */

const DEFAULT_FILL = /^if\((data\d*)\.([A-Za-z_$][\w$]*) === undefined\)\{\n\1\.\2 = [^\n]*;\n\}\n/gm;

/** Drops, within each validator, the `required` checks of properties it has just filled. */
export function defaultsSatisfyRequired(code: string): string {
  return code
    .split(/^(?=function validate\d+\()/m)
    .map((part) => {
      let checked = part;
      for (const fill of part.matchAll(DEFAULT_FILL)) {
        const [text, data, property] = fill as unknown as [string, string, string];
        const required = new RegExp(String.raw`^if\(${data}\.${escape(property)} === undefined\)\{\nvErrors = requiredError\(vErrors, [^\n]*, "${escape(property)}"\);\nerrors\+\+;\n\}\n`, "m");
        const after = checked.indexOf(text) + text.length;
        checked = checked.slice(0, after) + checked.slice(after).replace(required, "");
      }
      return checked;
    })
    .join("");
}

function escape(text: string): string {
  return text.replace(/[$]/g, "\\$&");
}
