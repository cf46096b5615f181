import type { Permission } from '@pulse/shared/permissions';
import type { Icon } from '@tabler/icons-react';

/**
 * One step of the home page's getting-started checklist. Each feature declares its own steps
 * (`features/<feature>/onboarding.ts`) and the app lists them in order (app/onboarding-steps.ts),
 * so home shows them without importing any other feature.
 */
export interface OnboardingStep {
  /** Stable and unique; the list's React key and the id the description is linked by. */
  id: string;
  to: string;
  icon: Icon;
  title: string;
  description: string;
  /** Roles without it are not shown the step: they could not do it. */
  permission: Permission;
  /**
   * Whether it has been done in this organisation; undefined while that is being found out.
   * A hook, called once per shown step, so it may read a query.
   */
  useDone: () => boolean | undefined;
}
