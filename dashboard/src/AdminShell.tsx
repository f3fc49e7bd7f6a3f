import { NavLink, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { signOut } from './shop/cart';
import { navFor } from './api/roles';
import { useSession } from './components/session';

export function AdminShell() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (!session) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  const items = navFor(session.user.roles);
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Agent Factory</span>
        <span className="who">
          {session.user.email ?? session.user.subject} · {session.user.roles.join(', ')}
        </span>
        <NavLink to="/shop">Storefront</NavLink>
        <button
          type="button"
          onClick={() => {
            void signOut();
            navigate('/login');
          }}
        >
          Sign out
        </button>
      </header>
      <nav aria-label="Dashboard" className="sidenav">
        <ul>
          {items.map((item) => (
            <li key={item.path}>
              <NavLink to={item.path} end={item.path === '/admin'}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content">
        <Outlet />
      </main>
    </div>
  );
}
