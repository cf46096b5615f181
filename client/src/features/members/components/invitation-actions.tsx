import { Button, Flex, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Invitation } from '@pulse/shared/schemas/members';
import { IconLink, IconSend } from '@tabler/icons-react';

import { errorMessage } from '../../../lib/api-client';
import { useResendInvitation } from '../api/resend-invitation';

/**
 * "Resend" and "Copy link" on a pending invitation. Only a hash of the link is stored, so both
 * issue a new link (and mail it); the earlier one stops working, which the wording says.
 */
export function InvitationActions({ invitation }: { invitation: Invitation }) {
  const resend = useResendInvitation();
  const busy = resend.isPending;

  const handleResend = () =>
    resend.mutate(invitation.id, {
      onSuccess: () =>
        notifications.show({
          color: 'teal',
          title: 'Invitation sent again',
          message: `${invitation.email} has a new link, valid for 7 days. The earlier link no longer works.`,
        }),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Invitation not sent', message: errorMessage(error) }),
    });

  const handleCopy = () =>
    resend.mutate(invitation.id, {
      onSuccess: async ({ url }) => {
        const copied = await navigator.clipboard?.writeText(url).then(
          () => true,
          () => false,
        );
        notifications.show({
          color: 'teal',
          title: copied ? 'Invitation link copied' : 'Invitation link',
          // Where the clipboard is refused (an insecure origin), the link is shown to copy by hand.
          message: copied
            ? `Paste it to ${invitation.email}; we emailed it too. The earlier link no longer works.`
            : url,
          autoClose: copied ? 6000 : false,
        });
      },
      onError: (error) => notifications.show({ color: 'red', title: 'No link made', message: errorMessage(error) }),
    });

  return (
    // A column on phones, so the email beside it keeps room to read.
    <Flex gap={4} direction={{ base: 'column', sm: 'row' }} align={{ base: 'flex-end', sm: 'center' }}>
      <Tooltip label={`Send the invitation to ${invitation.email} again`} withArrow>
        <Button
          variant="subtle"
          c="indigo.8"
          size="compact-sm"
          leftSection={<IconSend size={16} aria-hidden />}
          aria-label={`Resend invitation to ${invitation.email}`}
          onClick={handleResend}
          disabled={busy}
        >
          Resend
        </Button>
      </Tooltip>
      <Tooltip label="Copy a new link to send yourself; the emailed link stops working" withArrow>
        <Button
          variant="subtle"
          c="indigo.8"
          size="compact-sm"
          leftSection={<IconLink size={16} aria-hidden />}
          aria-label={`Copy link for ${invitation.email}`}
          onClick={handleCopy}
          disabled={busy}
        >
          Copy link
        </Button>
      </Tooltip>
    </Flex>
  );
}
