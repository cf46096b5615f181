import { AlertFiringModel } from '../../../server/src/modules/alerts/alert-firing.model';
import { AlertRuleModel } from '../../../server/src/modules/alerts/alert-rule.model';
import { CaseModel } from '../../../server/src/modules/cases/case.model';
import { WebhookDeliveryModel } from '../../../server/src/modules/webhooks/webhook-delivery.model';
import { WebhookEndpointModel } from '../../../server/src/modules/webhooks/webhook-endpoint.model';
import { ApiKeyModel } from '../../../server/src/modules/api-keys/api-key.model';
import { AuditEventModel } from '../../../server/src/modules/audit/audit-event.model';
import { ContactAttributeModel } from '../../../server/src/modules/contacts/contact-attribute.model';
import { ContactModel } from '../../../server/src/modules/contacts/contact.model';
import { TimelineEntryModel } from '../../../server/src/modules/contacts/timeline-entry.model';
import { SurveyInvitationModel } from '../../../server/src/modules/invitations/invitation.model';
import {
  InsightContributionModel,
  InsightCounterModel,
  InsightVocabularyModel,
} from '../../../server/src/modules/insights/insights.model';
import { InvitationModel } from '../../../server/src/modules/members/invitation.model';
import { MembershipModel } from '../../../server/src/modules/members/membership.model';
import { OrganisationModel } from '../../../server/src/modules/organisations/organisation.model';
import { SurveyKeyModel } from '../../../server/src/modules/surveys/survey-key.model';
import { SurveyModel } from '../../../server/src/modules/surveys/survey.model';
import { SurveyVersionModel } from '../../../server/src/modules/surveys/survey-version.model';
import { TouchpointModel } from '../../../server/src/modules/touchpoints/touchpoint.model';

/**
 * Everything an organisation owns, read straight from the database, to compare before and
 * after calls that must change nothing.
 */
// Every tenant-owned collection the route walks must leave untouched; a new one joins this list.
const OWNED = {
  memberships: MembershipModel,
  invitations: InvitationModel,
  apiKeys: ApiKeyModel,
  auditEvents: AuditEventModel,
  surveys: SurveyModel,
  surveyVersions: SurveyVersionModel,
  surveyKeys: SurveyKeyModel,
  touchpoints: TouchpointModel,
  contacts: ContactModel,
  contactAttributes: ContactAttributeModel,
  timelineEntries: TimelineEntryModel,
  surveyInvitations: SurveyInvitationModel,
  insightCounters: InsightCounterModel,
  insightContributions: InsightContributionModel,
  insightVocabularies: InsightVocabularyModel,
  alertRules: AlertRuleModel,
  alertFirings: AlertFiringModel,
  cases: CaseModel,
  webhookEndpoints: WebhookEndpointModel,
  webhookDeliveries: WebhookDeliveryModel,
};

export async function snapshotOrganisation(organisationId: string) {
  const owned = await Promise.all(
    Object.entries(OWNED).map(async ([name, model]) => [
      name,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the models differ; only equality is read
      await (model as any).find({ organisationId }).sort({ _id: 1 }).lean(),
    ]),
  );
  return { organisation: await OrganisationModel.findById(organisationId).lean(), ...Object.fromEntries(owned) };
}
