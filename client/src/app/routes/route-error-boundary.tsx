import { Button, Group } from '@mantine/core';
import { IconMoodConfuzed } from '@tabler/icons-react';
import { useEffect } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';

import { MessagePage } from '../../components/message-page';
import { NotFoundRoute } from './not-found-route';

/** The router's errorElement: whatever a page throws while rendering ends here, not in a blank screen. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  useEffect(() => console.error(error), [error]);

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />;
  return (
    <MessagePage
      icon={<IconMoodConfuzed size={30} aria-hidden />}
      title="Something went wrong"
      actions={
        <Group justify="center">
          <Button onClick={() => window.location.reload()}>Reload the page</Button>
          {/* A plain link: the router that failed is the one that would handle a <Link>. */}
          <Button component="a" href="/" variant="default">
            Go to home
          </Button>
        </Group>
      }
    >
      This page hit an unexpected problem. Reloading usually helps; if it keeps happening, tell whoever runs your Pulse
      server.
    </MessagePage>
  );
}
