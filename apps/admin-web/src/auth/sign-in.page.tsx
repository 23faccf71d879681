import { Alert, Button, Container, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { http } from '../api/http';
import { sessionStore, type Session, type SignedOutReason } from './session';

const REASONS: Record<SignedOutReason, string> = {
  expired: 'Your session has ended. Sign in again to continue; anything you typed is kept.',
  'signed-out': 'You are signed out.',
};

export function SignInPage() {
  const { reason } = useSearch({ from: '/sign-in' });
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signIn(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { data } = await http<Session>('/api/auth/login', { method: 'POST', body: { email, password } });
      sessionStore.start(data);
      await navigate({ to: '/board' });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size={420} py="xl" component="main">
      <Title order={1} mb="lg">
        Newsroom
      </Title>
      <form onSubmit={signIn} aria-labelledby="sign-in-title">
        <Stack>
          <Title order={2} id="sign-in-title" size="h3">
            Sign in
          </Title>
          {reason && !error && <Alert color="blue">{REASONS[reason]}</Alert>}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
        </Stack>
      </form>
    </Container>
  );
}
