/**
 * The whole audit log as a CSV file. It is opened as a plain link with `download`, not fetched:
 * the browser streams it straight to disk however long the log is, and the session cookie goes
 * along by itself because the API shares the page's origin.
 */
export const auditLogExportUrl = '/api/v1/audit-log/export';
