import type { RequestHandler } from 'express';
import client from 'prom-client';

// One registry per process: default metrics register timers and must not be collected twice.
export const metricsRegistry = new client.Registry();
client.collectDefaultMetrics({ register: metricsRegistry });

const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const jobsProcessed = new client.Counter({
  name: 'jobs_processed_total',
  help: 'Background jobs finished, by job name and outcome',
  labelNames: ['name', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Labels by the matched route pattern, never the raw URL, so ids do not explode cardinality. */
export const measureHttp: RequestHandler = (req, res, next) => {
  const end = httpDuration.startTimer({ method: req.method });
  res.on('finish', () => {
    const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
    end({ route, status: String(res.statusCode) });
  });
  next();
};
