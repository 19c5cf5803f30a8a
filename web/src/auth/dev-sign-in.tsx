import { useState } from 'preact/hooks';
import type { AuthConfig } from '../config';
import { messageOf } from '../format';
import { type Session, sessionFromToken } from './session';

type DevConfig = Extract<AuthConfig, { kind: 'dev' }>;

/** Locally: pick any user id and get a dev token from the local runtime (it stands in for Cognito). */
export function DevSignIn(props: { config: DevConfig; onSession: (session: Session) => void }) {
  const [userId, setUserId] = useState('demo-user');
  const [error, setError] = useState<string | null>(null);

  async function signIn(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const response = await fetch(props.config.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: userId.trim() }),
      });
      const answer = (await response.json()) as { token?: string; error?: { message: string } };
      if (!response.ok || !answer.token)
        throw new Error(answer.error?.message ?? `answered ${response.status}`);
      props.onSession(sessionFromToken(answer.token));
    } catch (cause) {
      setError(messageOf(cause));
    }
  }

  return (
    <form class="card sign-in" onSubmit={signIn}>
      <h1>Questline</h1>
      <p>Local sign-in: any user id gets a dev token (on AWS this is your user pool's sign-in page).</p>
      <label for="user-id">User id</label>
      <input
        id="user-id"
        name="user-id"
        value={userId}
        onInput={(e) => setUserId((e.target as HTMLInputElement).value)}
        autocomplete="username"
        required
        pattern="[A-Za-z0-9_.:\-]{1,128}"
      />
      <button type="submit" class="primary">
        Sign in
      </button>
      {error && (
        <p class="warning" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
