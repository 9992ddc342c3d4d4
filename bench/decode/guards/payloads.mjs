import { isInteger, isObject, isString, maxCodePoints } from "./checks.mjs";

/* Hand-written guards for the test config's payload schemas (test/fixtures/config/schemas/*.json). */

const CURRENCIES = new Set(["EUR", "USD", "GBP"]);
const ORDER_ID = /^ord-[a-z0-9]+$/u;
const TENANT_ID = /^[a-z0-9-]+$/;
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

const isMoney = (m) => isObject(m) && typeof m.amount === "number" && m.amount >= 0 && CURRENCIES.has(m.currency);
const isOrderLine = (l) => isObject(l) && isString(l.sku) && l.sku.length >= 1 && isInteger(l.quantity) && l.quantity >= 1;

function everyItem(array, guard) {
  for (const item of array) if (!guard(item)) return false;
  return true;
}

const nonEmptyString = (s) => isString(s) && s.length >= 1;

export function isOrderMessage(m) {
  return isObject(m) && isString(m.orderId) && ORDER_ID.test(m.orderId) && isInteger(m.quantity) && m.quantity >= 1 &&
    (m.items === undefined || (Array.isArray(m.items) && everyItem(m.items, nonEmptyString))) && (m.total === undefined || isMoney(m.total));
}

export function isOrderPlaced(d) {
  return isObject(d) && isString(d.orderId) && isString(d.customerId) && isMoney(d.total) &&
    (d.placedAt === undefined || (isString(d.placedAt) && DATE_TIME.test(d.placedAt) && !Number.isNaN(Date.parse(d.placedAt)))) &&
    (d.items === undefined || (Array.isArray(d.items) && everyItem(d.items, isOrderLine)));
}

const CREATE_ORDER_KEYS = new Set(["customerId", "lines", "note"]);

export function isCreateOrder(b) {
  if (!isObject(b)) return false;
  for (const key in b) if (!CREATE_ORDER_KEYS.has(key)) return false;
  return nonEmptyString(b.customerId) && Array.isArray(b.lines) && b.lines.length >= 1 && everyItem(b.lines, isOrderLine) &&
    (b.note === undefined || (isString(b.note) && maxCodePoints(b.note, 200)));
}

export const isCreateOrderQuery = (q) => isObject(q) && (q.dryRun === undefined || q.dryRun === "true" || q.dryRun === "false");
export const isTenantPath = (p) => isObject(p) && isString(p.tenantId) && TENANT_ID.test(p.tenantId);
