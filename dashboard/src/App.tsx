import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { can, homeFor, isStaff, type Permission } from './api/roles';
import { Loading } from './components/state';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { useSession } from './components/session';
import { AdminShell } from './AdminShell';
import { LoginPage } from './pages/LoginPage';

// one chunk per page: the first load carries only the shell and the page asked for
const OverviewPage = lazy(() => import('./pages/OverviewPage'));
const TasksPage = lazy(() => import('./pages/TasksPage'));
const TaskDetailPage = lazy(() => import('./pages/TaskDetailPage'));
const AgentsPage = lazy(() => import('./pages/AgentsPage'));
const SupportDeskPage = lazy(() => import('./pages/SupportDeskPage'));
const FinancePage = lazy(() => import('./pages/FinancePage'));
const RecommendationsPage = lazy(() => import('./pages/RecommendationsPage'));
const CampaignsPage = lazy(() => import('./pages/CampaignsPage'));
const AdsPage = lazy(() => import('./pages/AdsPage'));
const InventoryPage = lazy(() => import('./pages/InventoryPage'));
const PrivacyPage = lazy(() => import('./pages/PrivacyPage'));
const Shop = lazy(() => import('./shop/Shop'));

function RequireStaff({ permission, children }: { permission: Permission; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (!isStaff(session.user.roles)) {
    return <Navigate to="/shop" replace />;
  }
  if (!can(session.user.roles, permission)) {
    return (
      <div role="alert" className="problem">
        Your role does not give access to this page.
      </div>
    );
  }
  return <>{children}</>;
}

function Home() {
  const session = useSession();
  return <Navigate to={session ? homeFor(session.user.roles) : '/login'} replace />;
}

function page(permission: Permission, element: ReactNode) {
  return (
    <RequireStaff permission={permission}>
      <PageErrorBoundary>
        <Suspense fallback={<Loading />}>{element}</Suspense>
      </PageErrorBoundary>
    </RequireStaff>
  );
}

export function App() {
  return (
    <BrowserRouter>
      {/* an admin page's own boundary keeps the shell on screen; this one catches the shop, the shell and the login */}
      <PageErrorBoundary>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/dashboard/*" element={<Navigate to="/admin" replace />} />
          <Route path="/admin" element={<AdminShell />}>
            <Route index element={page('finance.read', <OverviewPage />)} />
            <Route path="tasks" element={page('agents.read', <TasksPage />)} />
            <Route path="tasks/:taskId" element={page('agents.read', <TaskDetailPage />)} />
            <Route path="agents" element={page('agents.read', <AgentsPage />)} />
            <Route path="support" element={page('support.desk', <SupportDeskPage />)} />
            <Route path="support/:ticketId" element={page('support.desk', <SupportDeskPage />)} />
            <Route path="finance" element={page('finance.read', <FinancePage />)} />
            <Route path="recommendations" element={page('recommendations.read', <RecommendationsPage />)} />
            <Route path="campaigns" element={page('campaigns.read', <CampaignsPage />)} />
            <Route path="ads" element={page('ads.read', <AdsPage />)} />
            <Route path="inventory" element={page('inventory.read', <InventoryPage />)} />
            <Route path="privacy" element={page('privacy.admin', <PrivacyPage />)} />
            <Route path="*" element={<p>There is no such page.</p>} />
          </Route>
          <Route
            path="/shop/*"
            element={
              <Suspense fallback={<Loading />}>
                <Shop />
              </Suspense>
            }
          />
          <Route path="*" element={<Home />} />
        </Routes>
      </PageErrorBoundary>
    </BrowserRouter>
  );
}
