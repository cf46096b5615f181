import { IconRoute } from '@tabler/icons-react';

import type { OnboardingStep } from '../../lib/onboarding';
import { useTouchpoints } from './api/get-touchpoints';

export const addTouchpointStep: OnboardingStep = {
  id: 'add-touchpoint',
  to: '/touchpoints',
  icon: IconRoute,
  title: 'Add a touchpoint',
  description: 'Name a moment to ask about — a ticket closed, a delivery made — and choose its survey and rules.',
  permission: 'distribution.write',
  useDone: () => {
    const { data } = useTouchpoints();
    return data && data.touchpoints.length > 0;
  },
};
