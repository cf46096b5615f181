import { z } from 'zod';

export const HealthResponse = z.object({ status: z.literal('ok') });

export const DependencyStatus = z.enum(['up', 'down']);

export const ReadinessResponse = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z.object({ mongodb: DependencyStatus, redis: DependencyStatus }),
});
export type ReadinessResponse = z.infer<typeof ReadinessResponse>;
