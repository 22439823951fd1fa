import { z } from 'zod';
import { serviceFieldRules, createCounterSchema, MAX_TIERS } from './catalogue-schemas';
import { CONFIG_FORMAT, CONFIG_VERSION } from './config';
import { settingsPatchSchema } from './schemas';

/** Runtime validation of an imported configuration (server only, like schemas.ts). */

/** Most services, groups and counters a configuration may hold. */
export const MAX_CONFIG_SERVICES = 2000;
export const MAX_CONFIG_GROUPS = 500;
export const MAX_CONFIG_COUNTERS = 500;

const ref = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/);

const group = z
  .object({
    ref,
    parent: ref.nullable(),
    name: serviceFieldRules.name,
    nameEn: serviceFieldRules.nameEn,
    sortOrder: serviceFieldRules.sortOrder,
    active: z.boolean(),
  })
  .strict();

const service = z
  .object({
    code: serviceFieldRules.code,
    name: serviceFieldRules.name,
    nameEn: serviceFieldRules.nameEn,
    prefix: serviceFieldRules.prefix,
    group: ref.nullable(),
    numberRange: serviceFieldRules.numberRange,
    targetWaitMinutes: serviceFieldRules.targetWaitMinutes,
    dailyCap: serviceFieldRules.dailyCap,
    cutOff: serviceFieldRules.cutOff,
    active: z.boolean(),
    sortOrder: serviceFieldRules.sortOrder,
  })
  .strict();

const counter = z
  .object({
    number: createCounterSchema.shape.number,
    name: createCounterSchema.shape.name,
    active: z.boolean(),
    tiers: z.array(z.array(serviceFieldRules.code).min(1).max(MAX_CONFIG_SERVICES)).max(MAX_TIERS),
  })
  .strict();

/**
 * `POST /api/config/import`: a document `GET /api/config/export` wrote. Each entry is
 * checked by the same rules as the API's; how entries refer to each other is checked
 * after (services/admin/config-io.ts).
 */
export const centreConfigSchema = z
  .object({
    format: z.literal(CONFIG_FORMAT),
    version: z.literal(CONFIG_VERSION),
    exportedAt: z.string().max(40).optional(),
    settings: settingsPatchSchema,
    serviceGroups: z.array(group).max(MAX_CONFIG_GROUPS),
    services: z.array(service).max(MAX_CONFIG_SERVICES),
    counters: z.array(counter).max(MAX_CONFIG_COUNTERS),
    logo: z
      .object({
        contentType: z.enum(['image/png', 'image/jpeg']),
        base64: z
          .string()
          .max(1_000_000)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/),
      })
      .strict()
      .nullable(),
  })
  .strict();

export type CentreConfigInput = z.infer<typeof centreConfigSchema>;
