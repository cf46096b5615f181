import { Badge } from '@mantine/core';
import type { SurveyStatus } from '@pulse/shared/schemas/surveys';

import { STATUS_COLORS, STATUS_LABELS } from './survey-labels';

export function StatusBadge({ status }: { status: SurveyStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" autoContrast>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
