import { Badge, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/table-skeleton';
import { formatInteger } from '../../../lib/format';
import { useCan, useCurrentSession } from '../../auth/api/get-session';
import { useMembers } from '../api/get-members';
import { InvitationsTable } from '../components/invitations-table';
import { InviteTeammateModal } from '../components/invite-teammate-modal';
import { MembersTable } from '../components/members-table';

export function TeamRoute() {
  const session = useCurrentSession();
  const mayManage = useCan('members.manage');
  const members = useMembers();
  const [inviteOpened, invite] = useDisclosure(false);

  return (
    <>
      <PageHeader
        title="Team"
        description="Everyone who can see this organisation’s feedback, and what they may change."
        action={
          mayManage && (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={invite.open}>
              Invite teammate
            </Button>
          )
        }
      />
      {members.isPending ? (
        <TableSkeleton label="Loading the team" rows={4} />
      ) : members.isLoadingError ? (
        <ErrorState error={members.error} title="The team could not be loaded" onRetry={() => members.refetch()} />
      ) : (
        <Stack gap="xl">
          <Section title="Members" count={members.data.members.length}>
            <MembersTable members={members.data.members} viewer={{ userId: session.user.id, role: session.role }} />
          </Section>
          <Section title="Pending invitations" count={members.data.invitations.length}>
            <InvitationsTable invitations={members.data.invitations} mayManage={mayManage} />
          </Section>
        </Stack>
      )}
      {mayManage && <InviteTeammateModal opened={inviteOpened} onClose={invite.close} actorRole={session.role} />}
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
