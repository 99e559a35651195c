import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { PartTwo, Shell, useSession } from './layout/shell';
import { CooperationPage } from './pages/cooperation-page';
import { EventFormPage } from './pages/event-form-page';
import { MyCooperations } from './pages/my-cooperations';
import { OpenCooperation } from './pages/open-cooperation';
import { SignIn, SignInCallback } from './pages/sign-in';

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
      // Part 2: the steering board's queue, the auditors' feed, the administration.
      { path: '/escalations', element: guard(<PartTwo />) },
      { path: '/audit', element: guard(<PartTwo />) },
      { path: '/admin', element: guard(<PartTwo />) },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
