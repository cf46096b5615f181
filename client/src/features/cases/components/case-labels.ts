import type { CaseStatus } from '@pulse/shared/schemas/cases';

export const STATUS_LABELS: Record<CaseStatus, string> = {
  new: 'New',
  open: 'Open',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const STATUS_COLORS: Record<CaseStatus, string> = {
  new: 'blue',
  open: 'cyan',
  in_progress: 'violet',
  waiting_on_customer: 'yellow',
  resolved: 'teal',
  closed: 'gray',
};
