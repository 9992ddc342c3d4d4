/*
 * The string formats that kata's generated validators check. The generator gives Ajv these same
 * definitions, and the emitted code refers to them by name, so no format library ships at run time.
 * Other formats are rejected at generation time with the schema's file and pointer.
 */
const dateTime = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const date = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/* RFC 3339 dates: the regex fixes the shape; the day must exist in that month (no Date.parse: it is slow and lenient). */
function validDate(match: RegExpExecArray | null): boolean {
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month === 2 && day === 29) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS[month - 1]!;
}
const time = /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)?$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ipv4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const hostname = /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i;

function uri(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(text) && URL.canParse(text);
}

function ipv6(text: string): boolean {
  return text.includes(":") && URL.canParse(`http://[${text}]/`);
}

export const formats = {
  "date-time": (text: string) => validDate(dateTime.exec(text)),
  date: (text: string) => validDate(date.exec(text)),
  time: (text: string) => time.test(text),
  email: (text: string) => email.test(text),
  uuid: (text: string) => uuid.test(text),
  uri,
  ipv4: (text: string) => ipv4.test(text),
  ipv6,
  hostname: (text: string) => hostname.test(text),
} satisfies Record<string, (text: string) => boolean>;
