import type { HealthResponse } from '../../server/src/contract/http';

/** `/api/health` when every check passes. */
export const HEALTHY: HealthResponse = {
  status: 'ok',
  checks: { storage: { ok: true }, diskSpace: { ok: true } },
};
