import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { auth } from '../api/client';
import { homeFor } from '../api/roles';
import { Problem } from '../components/state';
import { useSession } from '../components/session';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the person elsewhere. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (session && !busy) {
    return <Navigate to={next ?? homeFor(session.user.roles)} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const signedIn = await auth.login(email, password);
      navigate(next ?? homeFor(signedIn.user.roles), { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login" id="main">
      <h1>Agent Factory</h1>
      <form onSubmit={submit} className="card" aria-label="Sign in">
        <h2>Sign in</h2>
        <label>
          E-mail
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <Problem error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted">
          Shopping? <Link to="/shop">Browse the store</Link> or <Link to="/shop/register">create an account</Link>.
        </p>
      </form>
    </main>
  );
}
