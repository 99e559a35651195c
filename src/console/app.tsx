import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { Shell, useSession } from './layout/shell';
import { CooperationPage } from './pages/cooperation-page';
import { EventFormPage } from './pages/event-form-page';
import { MyCooperations } from './pages/my-cooperations';
import { OpenCooperation } from './pages/open-cooperation';
import { SignIn } from './pages/sign-in';
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

export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: '/sign-in', element: <SignIn /> },
      { path: '/', element: guard(<MyCooperations />) },
      { path: '/cooperations/new', element: guard(<OpenCooperation />) },
      { path: '/cooperations/:id', element: guard(<CooperationPage tab="overview" />) },
      { path: '/cooperations/:id/documents', element: guard(<CooperationPage tab="documents" />) },
      { path: '/cooperations/:id/reports', element: guard(<CooperationPage tab="reports" />) },
      { path: '/cooperations/:id/events/:type', element: guard(<EventFormPage />) },
      ...partTwoRoutes(guard),
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
