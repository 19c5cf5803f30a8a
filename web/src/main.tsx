import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { App } from './app';
import { DevSignIn } from './auth/dev-sign-in';
import { finishSignIn, signOut, startSignIn } from './auth/oidc';
import type { Session } from './auth/session';
import { loadConfig, type WebConfig } from './config';
import { messageOf } from './format';
import './styles.css';

/** The page: config first, then a session (dev picker locally, the hosted UI on AWS), then the dashboard. */
function Root() {
  const [config, setConfig] = useState<WebConfig | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadConfig()
      .then(async (loaded) => {
        setConfig(loaded);
        if (loaded.auth.kind === 'oidc') setSession(await finishSignIn(loaded.auth));
      })
      .catch((cause) => setError(messageOf(cause)));
  }, []);

  if (error) return <p class="warning" role="alert">{`Questline could not start: ${error}`}</p>;
  if (!config) return <p class="muted">Loading…</p>;
  if (!session) {
    if (config.auth.kind === 'dev') return <DevSignIn config={config.auth} onSession={setSession} />;
    const auth = config.auth;
    return (
      <div class="card sign-in">
        <h1>Questline</h1>
        <button type="button" class="primary" onClick={() => void startSignIn(auth)}>
          Sign in
        </button>
      </div>
    );
  }
  performance.mark('questline:signed-in');
  const auth = config.auth;
  const onSignOut = () => {
    setSession(null);
    if (auth.kind === 'oidc') signOut(auth);
  };
  return <App config={config} session={session} onSignOut={onSignOut} />;
}

const root = document.getElementById('app');
if (root) render(<Root />, root);
