import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { Shell, useSession } from './layout/shell';
import { CooperationPage } from './pages/cooperation-page';
import { EventFormPage } from './pages/event-form-page';
import { MyCooperations } from './pages/my-cooperations';
import { OpenCooperation } from './pages/open-cooperation';
import { SignIn, SignInCallback } from './pages/sign-in';
import { partTwoRoutes } from './part-two-routes';

/**
 * Pages that need a signed-in user send everyone else to the sign-in page and back afterwards —
 * also when a token expires on the page (drafts of forms are kept in sessionStorage).
 */
function Protected({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return children;
}

const guard = (element: React.ReactNode) => <Protected>{element}</Protected>;

// What cooperations show outside themselves, and how they fare: loaded when first visited.
const later = (Page: React.LazyExoticComponent<() => React.ReactNode>) => (
  <Suspense fallback={null}>
    <Page />
  </Suspense>
);
const RegisterPage = later(lazy(() => import('./outside/register-page').then((m) => ({ default: m.RegisterPage }))));
const PartnerSearchesPage = later(
  lazy(() => import('./outside/partner-searches-page').then((m) => ({ default: m.PartnerSearchesPage }))),
);
const InterestsPage = later(lazy(() => import('./outside/interests-page').then((m) => ({ default: m.InterestsPage }))));
const SuccessPage = later(lazy(() => import('./outside/success-page').then((m) => ({ default: m.SuccessPage }))));

export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: '/sign-in', element: <SignIn /> },
      { path: '/sign-in/callback', element: <SignInCallback /> },
      { path: '/', element: guard(<MyCooperations />) },
      { path: '/cooperations/new', element: guard(<OpenCooperation />) },
      { path: '/cooperations/:id', element: guard(<CooperationPage tab="overview" />) },
      { path: '/cooperations/:id/documents', element: guard(<CooperationPage tab="documents" />) },
      { path: '/cooperations/:id/reports', element: guard(<CooperationPage tab="reports" />) },
      { path: '/cooperations/:id/events/:type', element: guard(<EventFormPage />) },
      { path: '/cooperations/:id/success', element: guard(SuccessPage) },
      { path: '/cooperations/:id/interests', element: guard(InterestsPage) },
      { path: '/partner-searches', element: guard(PartnerSearchesPage) },
      // Public: the project register needs no sign-in.
      { path: '/register', element: RegisterPage },
      ...partTwoRoutes(guard),
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
