import { lazy } from 'react';
import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { AppShell } from './layout/app-shell';
import { PATHS } from './paths';
import { NotFoundPage } from './layout/not-found-page';
import { RequireAuth, RequirePermission } from './require-auth';
import { LoginPage } from '../features/auth/pages/login-page';
import { ChangePasswordPage } from '../features/auth/pages/change-password-page';

// The map (OpenLayers) and the admin pages are separate chunks, loaded on first visit.
const MapPage = lazy(() => import('../features/areas/pages/map-page').then((m) => ({ default: m.MapPage })));
const AreaTreePage = lazy(() => import('../features/areas/pages/area-tree-page').then((m) => ({ default: m.AreaTreePage })));
const AreaImportPage = lazy(() =>
  import('../features/areas/pages/area-import-page').then((m) => ({ default: m.AreaImportPage })),
);
const DepartmentsPage = lazy(() =>
  import('../features/departments/pages/departments-page').then((m) => ({ default: m.DepartmentsPage })),
);
const UsersPage = lazy(() => import('../features/users/pages/users-page').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/pages/audit-page').then((m) => ({ default: m.AuditPage })));
const ReportPage = lazy(() => import('../features/cases/pages/report-page').then((m) => ({ default: m.ReportPage })));
const CaseQueuePage = lazy(() =>
  import('../features/cases/pages/case-queue-page').then((m) => ({ default: m.CaseQueuePage })),
);
const CaseDetailPage = lazy(() =>
  import('../features/cases/pages/case-detail-page').then((m) => ({ default: m.CaseDetailPage })),
);
// @lazy:addresses
// @lazy:population
// @lazy:units
// @lazy:special-groups
const MyTasksPage = lazy(() => import('../features/cases/pages/my-tasks-page').then((m) => ({ default: m.MyTasksPage })));

const routes: RouteObject[] = [
  { path: PATHS.login, element: <LoginPage /> },
  { path: PATHS.changePassword, element: <ChangePasswordPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <Navigate to={PATHS.map} replace /> },
          {
            path: PATHS.map,
            element: (
              <RequirePermission permission="areas.read">
                <MapPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.areaTree,
            element: (
              <RequirePermission permission="areas.read">
                <AreaTreePage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.areaImport,
            element: (
              <RequirePermission permission="areas.manage">
                <AreaImportPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.departments,
            element: (
              <RequirePermission permission="departments.read">
                <DepartmentsPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.users,
            element: (
              <RequirePermission permission="users.read">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.audit,
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.reportCase,
            element: (
              <RequirePermission permission="cases.report">
                <ReportPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.cases,
            element: (
              <RequirePermission permission="cases.read">
                <CaseQueuePage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.caseDetail,
            element: (
              <RequirePermission permission="cases.read">
                <CaseDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.tasks,
            element: (
              <RequirePermission permission="cases.act">
                <MyTasksPage />
              </RequirePermission>
            ),
          },
          // @route:addresses
          // @route:population
          // @route:units
          // @route:special-groups
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
