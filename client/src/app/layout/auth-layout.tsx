import { Anchor, Box, Container, Paper, Stack, Text } from '@mantine/core';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';

import { PageLoader } from '../../components/page-loader';
import { PulseLogo } from '../../components/pulse-logo';

/** Signed-out pages: one calm card in the middle, the logo above it, nothing else to distract. */
export function AuthLayout() {
  return (
    <Box bg="gray.0" mih="100dvh" py={{ base: 'xl', sm: 64 }}>
      <Container size={460} px="md">
        <Stack gap="lg">
          <Anchor component={Link} to="/" underline="never" aria-label="Pulse home" style={{ alignSelf: 'center' }}>
            <PulseLogo size={34} />
          </Anchor>
          <Paper component="main" p={{ base: 'lg', sm: 'xl' }} shadow="xs">
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            Pulse — customer feedback you host yourself
          </Text>
        </Stack>
      </Container>
    </Box>
  );
}
