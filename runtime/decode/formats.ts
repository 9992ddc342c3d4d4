/*
 * The string formats that kata's generated validators check. The generator gives Ajv these same
 * definitions, and the emitted code refers to them by name, so no format library ships at run time.
 * Other formats are rejected at generation time with the schema's file and pointer.
 */
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/*
 * RFC 3339 date, time and date-time, read character by character: these run on every decode of
 * events with timestamps, and a regex with captures (or Date.parse) costs more than the rest of
 * the validation.
 */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (!(code >= 0 && code <= 9)) return -1; // also NaN, past the end
    value = value * 10 + code;
  }
  return value;
}

function isDate(text: string, at: number): boolean {
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return false; // "-"
  const year = digits(text, at, 4);
  const month = digits(text, at + 5, 2);
  const day = digits(text, at + 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS[month - 1]!;
}

/** `HH:MM:SS[.fraction]` at `at`, then an offset (`Z`, `+HH:MM`, `-HH:MM`) unless `offsetOptional`. */
function isTime(text: string, at: number, offsetOptional: boolean): boolean {
  if (text.charCodeAt(at + 2) !== 58 || text.charCodeAt(at + 5) !== 58) return false; // ":"
  const hour = digits(text, at, 2);
  const minute = digits(text, at + 3, 2);
  const second = digits(text, at + 6, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return false;
  let i = at + 8;
  if (text.charCodeAt(i) === 46) {
    // "." then at least one digit
    const first = ++i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === first) return false;
  }
  if (i === text.length) return offsetOptional;
  const sign = text.charCodeAt(i);
  if (sign === 90 || sign === 122) return i + 1 === text.length; // "Z" | "z"
  if (sign !== 43 && sign !== 45) return false; // "+" | "-"
  if (i + 6 !== text.length || text.charCodeAt(i + 3) !== 58) return false;
  const offsetHour = digits(text, i + 1, 2);
  const offsetMinute = digits(text, i + 4, 2);
  return offsetHour >= 0 && offsetHour <= 23 && offsetMinute >= 0 && offsetMinute <= 59;
}

function isDateTime(text: string): boolean {
  const separator = text.charCodeAt(10);
  return text.length >= 20 && (separator === 84 || separator === 116 || separator === 32) && isDate(text, 0) && isTime(text, 11, false);
}

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
  "date-time": isDateTime,
  date: (text: string) => text.length === 10 && isDate(text, 0),
  time: (text: string) => text.length >= 8 && isTime(text, 0, true),
  email: (text: string) => email.test(text),
  uuid: (text: string) => uuid.test(text),
  uri,
  ipv4: (text: string) => ipv4.test(text),
  ipv6,
  hostname: (text: string) => hostname.test(text),
} satisfies Record<string, (text: string) => boolean>;
