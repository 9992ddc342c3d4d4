import { test } from "node:test";
import assert from "node:assert/strict";
import { formats } from "../../runtime/decode/index.js";

const cases: Record<keyof typeof formats, { valid: string[]; invalid: string[] }> = {
  "date-time": {
    valid: ["2024-11-24T10:15:29Z", "2024-11-24T10:15:29.512Z", "2024-11-24 10:15:29+01:00", "2024-11-24t10:15:29z", "2024-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2024-11-24T10:15:29.123456789-05:30", "2016-12-31T23:59:60Z"],
    invalid: ["2023-02-29T10:00:00Z", "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-11-24T10:15:29", "2024-11-24T24:00:00Z", "2024-11-24T10:60:00Z", "2024-11-24T10:15:29.Z", "2024-1-24T10:15:29Z", "2024-11-24T10:15:29+0100", "2024-11-24T10:15:29+01:60", "2024-13-01T00:00:00Z", "2024-11-24", "", "2024-11-24T10:15:29Zjunk"],
  },
  date: { valid: ["2024-12-31", "2024-02-29"], invalid: ["2024-02-30", "2023-02-29", "24-12-31", "2024-12-31T00:00:00Z", "2024-00-10"] },
  time: { valid: ["10:00:00", "10:00:00.5", "10:00:00+02:00", "23:59:60Z"], invalid: ["25:00:00", "10:00", "10:00:00+2:00", "10:0x:00"] },
  email: { valid: ["a@example.com", "first.last+tag@sub.example.org"], invalid: ["a@b", "no-at.example.com", "a b@example.com"] },
  uuid: { valid: ["4c2e8f1a-6b3d-4e9f-a7c5-1d2b3c4e5f6a", "4C2E8F1A-6B3D-4E9F-A7C5-1D2B3C4E5F6A"], invalid: ["4c2e8f1a6b3d4e9fa7c51d2b3c4e5f6a", "4c2e8f1a-6b3d-4e9f-a7c5-1d2b3c4e5f6"] },
  uri: { valid: ["https://example.com/a?b=c", "urn:isbn:0451450523"], invalid: ["/relative/path", "example.com"] },
  ipv4: { valid: ["192.168.0.1", "0.0.0.0"], invalid: ["256.1.1.1", "1.2.3", "01.2.3.4x"] },
  ipv6: { valid: ["::1", "2001:db8::8a2e:370:7334"], invalid: ["2001:db8::g", "1.2.3.4"] },
  hostname: { valid: ["example.com", "a-b.example"], invalid: ["-bad.example", "a..b"] },
};

for (const [name, { valid, invalid }] of Object.entries(cases)) {
  test(`format ${name} accepts what RFC 3339 / the format allows and rejects the rest`, () => {
    const check = formats[name as keyof typeof formats];
    for (const text of valid) assert.equal(check(text), true, `${name} should accept ${JSON.stringify(text)}`);
    for (const text of invalid) assert.equal(check(text), false, `${name} should reject ${JSON.stringify(text)}`);
  });
}
