import { ApiKeyModel } from '../../../server/src/modules/api-keys/api-key.model';
import { AuditEventModel } from '../../../server/src/modules/audit/audit-event.model';
import { ContactModel } from '../../../server/src/modules/contacts/contact.model';
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
export async function snapshotOrganisation(organisationId: string) {
  const byId = { _id: 1 } as const;
  const [
    organisation,
    memberships,
    invitations,
    apiKeys,
    auditEvents,
    surveys,
    surveyVersions,
    surveyKeys,
    touchpoints,
    contacts,
  ] = await Promise.all([
    OrganisationModel.findById(organisationId).lean(),
    MembershipModel.find({ organisationId }).sort(byId).lean(),
    InvitationModel.find({ organisationId }).sort(byId).lean(),
    ApiKeyModel.find({ organisationId }).sort(byId).lean(),
    AuditEventModel.find({ organisationId }).sort(byId).lean(),
    SurveyModel.find({ organisationId }).sort(byId).lean(),
    SurveyVersionModel.find({ organisationId }).sort(byId).lean(),
    SurveyKeyModel.find({ organisationId }).sort(byId).lean(),
    TouchpointModel.find({ organisationId }).sort(byId).lean(),
    ContactModel.find({ organisationId }).sort(byId).lean(),
  ]);
  return {
    organisation,
    memberships,
    invitations,
    apiKeys,
    auditEvents,
    surveys,
    surveyVersions,
    surveyKeys,
    touchpoints,
    contacts,
  };
}
