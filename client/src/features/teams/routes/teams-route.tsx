import { Stack } from '@mantine/core';

import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { useMemberChoices } from '../../../lib/member-choices';
import { useCan } from '../../../lib/session';
import { useAssignmentRules } from '../api/get-assignment-rules';
import { useTouchpointChoices } from '../api/get-choices';
import { useTeams } from '../api/get-teams';
import { AssignmentRulesSection } from '../components/assignment-rules-section';
import { TeamsSection } from '../components/teams-section';

export function TeamsRoute() {
  const mayManage = useCan('members.manage');
  const teams = useTeams();
  const rules = useAssignmentRules();
  const people = useMemberChoices();
  const touchpoints = useTouchpointChoices();
  return (
    <>
      <PageHeader
        title="Teams"
        description="Groups of teammates that cases, SLA escalations and alerts go to, and the rules that assign new cases."
      />
      <QueryContent
        query={teams}
        skeleton={<TableSkeleton label="Loading teams" rows={3} />}
        errorTitle="Teams could not be loaded"
      >
        {({ teams: list }) => (
          <Stack gap="md">
            <TeamsSection teams={list} people={people.data ?? []} mayManage={mayManage} />
            <QueryContent
              query={rules}
              skeleton={<TableSkeleton label="Loading assignment rules" rows={2} />}
              errorTitle="Assignment rules could not be loaded"
            >
              {({ rules: ruleList }) => (
                <AssignmentRulesSection
                  rules={ruleList}
                  teams={list}
                  people={people.data ?? []}
                  touchpoints={touchpoints.data ?? []}
                  mayManage={mayManage}
                />
              )}
            </QueryContent>
          </Stack>
        )}
      </QueryContent>
    </>
  );
}
