import { Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Contact } from '@pulse/shared/schemas/contacts';
import { IconArrowLeft, IconHistory, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';

import { ConfirmModal } from '../../../components/confirm-modal';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { ErrorState } from '../../../components/error-state';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTimeWithZone } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { useContact } from '../api/get-contact';
import { useEraseContact } from '../api/erase-contact';
import { ContactTimeline } from '../components/contact-timeline';
import { contactLabel } from '../components/contacts-table';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper bg="white" p="md" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Label above value: long addresses and ids keep their width in a narrow column. */
function Facts({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <Stack component="dl" gap="xs" m={0}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed" fw={600}>
            {label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {value ?? '—'}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function Suppression({ contact }: { contact: Contact }) {
  if (!contact.suppression) return <Text size="sm">Not suppressed: Pulse may ask this person.</Text>;
  const { reason, at, detail } = contact.suppression;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} c="red.9">
        Suppressed: {reason}
      </Text>
      <Text size="sm">Since {formatDateTimeWithZone(at)}</Text>
      {detail && <Text size="sm">Why: {detail}</Text>}
      <Text size="xs" c="dimmed">
        Every later invitation to this person is skipped as “suppressed”.
      </Text>
    </Stack>
  );
}

export function ContactRoute() {
  const { contactId = '' } = useParams();
  const query = useContact(contactId);
  const canErase = useCan('contacts.erase');
  const erase = useEraseContact();
  const [confirming, setConfirming] = useState(false);

  if (query.isPending) return <PageLoader label="Loading the contact" />;
  if (query.isError)
    return <ErrorState error={query.error} title="This contact could not be loaded" onRetry={() => query.refetch()} />;
  const { contact, timeline } = query.data;
  const attributes = Object.entries(contact.attributes);

  const confirmErase = () =>
    erase.mutate(contact.id, {
      onSuccess: () => {
        setConfirming(false);
        notifications.show({
          color: 'teal',
          title: 'Contact erased',
          message: 'Their personal data is gone; counts stay.',
        });
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Not erased', message: errorMessage(error) }),
    });

  return (
    <>
      <Anchor
        component={Link}
        to="/contacts"
        size="sm"
        mb="sm"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden /> Contacts
      </Anchor>
      <PageHeader
        title={contactLabel(contact)}
        description={
          contact.erasedAt ? `Erased on ${formatDateTimeWithZone(contact.erasedAt)}` : (contact.email ?? undefined)
        }
        action={
          <Group gap="sm">
            <Button
              component={Link}
              to={`/invitations?contact=${contact.id}`}
              variant="default"
              leftSection={<IconHistory size={18} aria-hidden />}
            >
              Invitations
            </Button>
            {canErase && !contact.erasedAt && (
              <Button
                color="red.9"
                variant="outline"
                leftSection={<IconTrash size={18} aria-hidden />}
                onClick={() => setConfirming(true)}
              >
                Erase personal data
              </Button>
            )}
          </Group>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="md">
            <Section title="Details">
              <Facts
                rows={[
                  ['Email', contact.email],
                  ['External id', contact.externalId],
                  ['Language', contact.language],
                  ['Time zone', contact.timeZone],
                  ['Last invited', contact.lastInvitedAt ? formatDateTimeWithZone(contact.lastInvitedAt) : null],
                  ['First seen', formatDateTimeWithZone(contact.createdAt)],
                ]}
              />
            </Section>
            <Section title="Attributes">
              {attributes.length ? (
                <Facts rows={attributes.map(([key, value]) => [key, String(value)])} />
              ) : (
                <Text size="sm" c="dimmed">
                  None recorded.
                </Text>
              )}
            </Section>
            <Section title="Suppression">
              <Suppression contact={contact} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Paper bg="white" p="md" component="section" aria-label="Timeline">
            <Title order={2} size="h5" mb="md">
              Timeline
            </Title>
            {timeline.length ? (
              <ContactTimeline entries={timeline} />
            ) : (
              <Text size="sm" c="dimmed">
                Nothing has happened with this contact yet.
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={confirmErase}
        loading={erase.isPending}
        title="Erase this person’s personal data?"
        confirmLabel="Erase for good"
      >
        Their name, email, external id, attributes and timeline are removed, and the addresses on their invitations
        blanked. Scores they gave stay in the figures, anonymously. This cannot be undone.
      </ConfirmModal>
    </>
  );
}
