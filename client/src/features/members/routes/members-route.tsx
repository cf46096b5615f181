import { Alert, Badge, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMailExclamation, IconUserPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { formatInteger } from '../../../lib/format';
import { useCan, useCurrentSession } from '../../../lib/session';
import { useMembers } from '../api/get-members';
import { InvitationsTable } from '../components/invitations-table';
import { InviteTeammateModal } from '../components/invite-teammate-modal';
import { MembersTable } from '../components/members-table';

export function MembersRoute() {
  const session = useCurrentSession();
  const mayManage = useCan('members.manage');
  const members = useMembers();
  const [inviteOpened, invite] = useDisclosure(false);
  // The server refuses invitations from an unconfirmed address (email_unverified): say so up front.
  const mayInvite = mayManage && session.user.emailVerified;

  return (
    <>
      <PageHeader
        title="Members"
        description="Everyone who can see this organisation’s feedback, and what they may change."
        action={
          mayManage && (
            <Button
              leftSection={<IconUserPlus size={18} aria-hidden />}
              onClick={invite.open}
              disabled={!mayInvite}
              aria-describedby={mayInvite ? undefined : 'verify-before-inviting'}
            >
              Invite teammate
            </Button>
          )
        }
      />
      {mayManage && !mayInvite && (
        <Alert
          id="verify-before-inviting"
          color="orange"
          variant="light"
          mb="lg"
          icon={<IconMailExclamation size={20} aria-hidden />}
          title="Verify your email before inviting"
        >
          Open the link we mailed to {session.user.email} (or resend it from the banner above); then you can invite your
          teammates.
        </Alert>
      )}
      <QueryContent
        query={members}
        skeleton={<TableSkeleton label="Loading the members" rows={4} />}
        errorTitle="The members could not be loaded"
      >
        {(data) => (
          <Stack gap="xl">
            <Section title="Joined" count={data.members.length}>
              <MembersTable members={data.members} viewer={{ userId: session.user.id, role: session.role }} />
            </Section>
            <Section title="Pending invitations" count={data.invitations.length}>
              <InvitationsTable invitations={data.invitations} mayManage={mayManage} />
            </Section>
          </Stack>
        )}
      </QueryContent>
      {mayInvite && <InviteTeammateModal opened={inviteOpened} onClose={invite.close} actorRole={session.role} />}
    </>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section">
      <Group gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Badge variant="light" color="gray" aria-label={`${formatInteger(count)} in total`}>
          {formatInteger(count)}
        </Badge>
      </Group>
      <Paper bg="white">{children}</Paper>
    </Stack>
  );
}
