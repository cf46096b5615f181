import type { Ctx } from '../../lib/context';
import { publishSurvey } from './surveys.lifecycle';
import { createSurvey, listSurveys } from './surveys.service';

/** One published survey per metric, the NPS one in four languages. */
const DEMO_SURVEYS = [
  { name: 'Relationship NPS', templateId: 'relationship-nps' },
  { name: 'Post-support CSAT', templateId: 'post-support-csat' },
  { name: 'Post-onboarding CES', templateId: 'post-onboarding-ces' },
] as const;

/** The demo organisation's surveys, created and published once; running again finds them. */
export async function seedDemoSurveys(ctx: Ctx): Promise<string[]> {
  const ids: string[] = [];
  for (const demo of DEMO_SURVEYS) {
    const { surveys } = await listSurveys(ctx, { search: demo.name, limit: 100 });
    const existing = surveys.find((s) => s.name === demo.name && s.currentVersion);
    if (existing) {
      ids.push(String(existing._id));
      continue;
    }
    const created = await createSurvey(ctx, { name: demo.name, templateId: demo.templateId });
    await publishSurvey(ctx, String(created._id), created.revision);
    ids.push(String(created._id));
  }
  return ids;
}
