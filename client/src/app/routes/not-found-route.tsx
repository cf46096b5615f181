import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';

import { MessagePage } from '../../components/message-page';

export function NotFoundRoute() {
  return (
    <MessagePage
      icon={<IconMapOff size={30} aria-hidden />}
      title="Page not found"
      actions={
        <Button component={Link} to="/">
          Go to home
        </Button>
      }
    >
      There is no page at this address. It may have moved, or the link may be mistyped.
    </MessagePage>
  );
}
