import { IconUsers } from '@tabler/icons-react';

import type { OnboardingStep } from '../../lib/onboarding';
import { useMembers } from './api/get-members';

export const inviteColleaguesStep: OnboardingStep = {
  id: 'invite-colleagues',
  to: '/members',
  icon: IconUsers,
  title: 'Invite your colleagues',
  description: 'Bring in the people who act on customer feedback, each with the role they need.',
  permission: 'members.manage',
  // An invitation sent counts: the rest is up to the colleague.
  useDone: () => {
    const { data } = useMembers();
    return data && (data.members.length > 1 || data.invitations.length > 0);
  },
};
