import { z } from "zod";

/*
 * The test config's payload schemas (test/fixtures/config/schemas/*.json) written in Zod, rule for
 * rule, as a Powertools user would write them. `z.object` strips unknown keys where JSON Schema
 * allows them; CreateOrder forbids them (additionalProperties: false), hence `z.strictObject`.
 */
const Money = z.object({ amount: z.number().min(0), currency: z.enum(["EUR", "USD", "GBP"]) });
const OrderLine = z.object({ sku: z.string().min(1), quantity: z.int().min(1) });

export const OrderMessage = z.object({
  orderId: z.string().regex(/^ord-[a-z0-9]+$/u),
  quantity: z.int().min(1),
  items: z.array(z.string().min(1)).optional(),
  total: Money.optional(),
});

export const OrderPlaced = z.object({
  orderId: z.string(),
  customerId: z.string(),
  total: Money,
  placedAt: z.iso.datetime({ offset: true }).optional(),
  items: z.array(OrderLine).optional(),
});

export const CreateOrder = z.strictObject({
  customerId: z.string().min(1),
  lines: z.array(OrderLine).min(1),
  note: z.string().max(200).optional(),
});

export const CreateOrderQuery = z.object({ dryRun: z.enum(["true", "false"]).optional() });
export const TenantPath = z.object({ tenantId: z.string().regex(/^[a-z0-9-]+$/) });

/**
 * `OrderItem` (test/fixtures/config/schemas/order-item.json), an unmarshalled DynamoDB image.
 * Powertools unmarshalls a string set (SS) to a `Set`, kata to an array: each peer gets its own form.
 */
export const OrderItem = z.object({
  pk: z.string(),
  orderId: z.string().regex(/^ord-[a-z0-9]+$/u),
  quantity: z.int().min(1),
  price: z.number().optional(),
  status: z.enum(["PLACED", "SHIPPED"]),
  tags: z.set(z.string()).optional(),
  address: z.object({ city: z.string(), zip: z.string().optional() }).optional(),
  ledgerId: z.bigint().optional(),
});
