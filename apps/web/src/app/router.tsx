import { Suspense, lazy, type ReactNode } from 'react';
import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { PATHS } from './paths';
import { RequireAuth, RequirePermission } from './require-auth';
import { PUBLIC_PATHS } from '../features/public/public-paths';
import { PageLoader } from '../components/page-loader';
import { withMessages } from '../lib/i18n';

// Every page is a chunk of its own, loaded on first visit, and so is the shell around the signed-in pages: the login
// page does not carry the menu, and a bookmarked page does not carry the login form (nor its demo-accounts table).
const LoginPage = lazy(() =>
  import('../features/auth/pages/login-page').then((m) => ({ default: m.LoginPage })),
);
const ChangePasswordPage = lazy(() =>
  import('../features/auth/pages/change-password-page').then((m) => ({
    default: m.ChangePasswordPage,
  })),
);
const AppShell = lazy(() => import('./layout/app-shell').then((m) => ({ default: m.AppShell })));
const NotFoundPage = lazy(() =>
  import('./layout/not-found-page').then((m) => ({ default: m.NotFoundPage })),
);
const fullScreen = (page: ReactNode) => (
  <Suspense fallback={<PageLoader fullScreen />}>{page}</Suspense>
);
const MapPage = lazy(() =>
  import('../features/areas/pages/map-page').then((m) => ({ default: m.MapPage })),
);
const AreaTreePage = lazy(() =>
  import('../features/areas/pages/area-tree-page').then((m) => ({ default: m.AreaTreePage })),
);
const AreaImportPage = lazy(() =>
  import('../features/areas/pages/area-import-page').then((m) => ({ default: m.AreaImportPage })),
);
const DepartmentsPage = lazy(() =>
  import('../features/departments/pages/departments-page').then((m) => ({
    default: m.DepartmentsPage,
  })),
);
const UsersPage = lazy(() =>
  import('../features/users/pages/users-page').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/pages/audit-page').then((m) => ({ default: m.AuditPage })),
);
const ReportPage = lazy(() =>
  withMessages(
    import('../features/cases/pages/report-page').then((m) => ({ default: m.ReportPage })),
    'cases',
  ),
);
const CaseQueuePage = lazy(() =>
  withMessages(
    import('../features/cases/pages/case-queue-page').then((m) => ({ default: m.CaseQueuePage })),
    'cases',
  ),
);
const CaseDetailPage = lazy(() =>
  withMessages(
    import('../features/cases/pages/case-detail-page').then((m) => ({ default: m.CaseDetailPage })),
    'cases',
  ),
);
const RegistryImportPage = lazy(() =>
  withMessages(
    import('../features/imports/pages/registry-import-page').then((m) => ({
      default: m.RegistryImportPage,
    })),
    'imports',
  ),
);
const AddressTreePage = lazy(() =>
  withMessages(
    import('../features/addresses/pages/address-tree-page').then((m) => ({
      default: m.AddressTreePage,
    })),
    'addresses',
  ),
);
const HouseListPage = lazy(() =>
  withMessages(
    import('../features/addresses/pages/house-list-page').then((m) => ({
      default: m.HouseListPage,
    })),
    'addresses',
  ),
);
const HouseDetailPage = lazy(() =>
  withMessages(
    import('../features/addresses/pages/house-detail-page').then((m) => ({
      default: m.HouseDetailPage,
    })),
    'addresses',
  ),
);
const PersonsPage = lazy(() =>
  withMessages(
    import('../features/population/pages/persons-page').then((m) => ({ default: m.PersonsPage })),
    'population',
    'special-groups',
    'cases',
  ),
);
const PersonDetailPage = lazy(() =>
  withMessages(
    import('../features/population/pages/person-detail-page').then((m) => ({
      default: m.PersonDetailPage,
    })),
    'population',
    'special-groups',
    'cases',
  ),
);
const PersonEditPage = lazy(() =>
  withMessages(
    import('../features/population/pages/person-edit-page').then((m) => ({
      default: m.PersonEditPage,
    })),
    'population',
    'special-groups',
    'cases',
  ),
);
const UnitsPage = lazy(() =>
  withMessages(
    import('../features/units/pages/units-page').then((m) => ({ default: m.UnitsPage })),
    'units',
    'cases',
  ),
);
const UnitDetailPage = lazy(() =>
  withMessages(
    import('../features/units/pages/unit-detail-page').then((m) => ({ default: m.UnitDetailPage })),
    'units',
    'cases',
  ),
);
const UnitEditPage = lazy(() =>
  withMessages(
    import('../features/units/pages/unit-edit-page').then((m) => ({ default: m.UnitEditPage })),
    'units',
    'cases',
  ),
);
const PlacesPage = lazy(() =>
  withMessages(
    import('../features/units/pages/places-page').then((m) => ({ default: m.PlacesPage })),
    'units',
    'cases',
  ),
);
const PlaceDetailPage = lazy(() =>
  withMessages(
    import('../features/units/pages/place-detail-page').then((m) => ({
      default: m.PlaceDetailPage,
    })),
    'units',
    'cases',
  ),
);
const PlaceEditPage = lazy(() =>
  withMessages(
    import('../features/units/pages/place-edit-page').then((m) => ({ default: m.PlaceEditPage })),
    'units',
    'cases',
  ),
);
const OverdueInspectionsPage = lazy(() =>
  withMessages(
    import('../features/units/pages/overdue-inspections-page').then((m) => ({
      default: m.OverdueInspectionsPage,
    })),
    'units',
    'cases',
  ),
);
const SpecialGroupsPage = lazy(() =>
  withMessages(
    import('../features/special-groups/pages/special-groups-page').then((m) => ({
      default: m.SpecialGroupsPage,
    })),
    'special-groups',
    'cases',
  ),
);
const GroupDictionaryPage = lazy(() =>
  withMessages(
    import('../features/special-groups/pages/group-dictionary-page').then((m) => ({
      default: m.GroupDictionaryPage,
    })),
    'special-groups',
    'cases',
  ),
);
const MyVisitsPage = lazy(() =>
  withMessages(
    import('../features/special-groups/pages/my-visits-page').then((m) => ({
      default: m.MyVisitsPage,
    })),
    'special-groups',
    'cases',
  ),
);
const OverdueVisitsPage = lazy(() =>
  withMessages(
    import('../features/special-groups/pages/overdue-visits-page').then((m) => ({
      default: m.OverdueVisitsPage,
    })),
    'special-groups',
    'cases',
  ),
);
const ResidentFilesPage = lazy(() =>
  withMessages(
    import('../features/special-groups/pages/resident-files-page').then((m) => ({
      default: m.ResidentFilesPage,
    })),
    'special-groups',
    'cases',
  ),
);
const PublicReportPage = lazy(() =>
  withMessages(
    import('../features/public/pages/public-report-page').then((m) => ({
      default: m.PublicReportPage,
    })),
  ),
);
const PublicTrackPage = lazy(() =>
  import('../features/public/pages/public-track-page').then((m) => ({
    default: m.PublicTrackPage,
  })),
);
const CalendarPage = lazy(() =>
  import('../features/calendar/pages/calendar-page').then((m) => ({ default: m.CalendarPage })),
);
const DispatchGapsPage = lazy(() =>
  import('../features/calendar/pages/dispatch-gaps-page').then((m) => ({
    default: m.DispatchGapsPage,
  })),
);
const TokensPage = lazy(() =>
  import('../features/auth/pages/tokens-page').then((m) => ({ default: m.TokensPage })),
);
const MyTasksPage = lazy(() =>
  withMessages(
    import('../features/cases/pages/my-tasks-page').then((m) => ({ default: m.MyTasksPage })),
    'cases',
  ),
);

const routes: RouteObject[] = [
  { path: PATHS.login, element: fullScreen(<LoginPage />) },
  { path: PATHS.changePassword, element: fullScreen(<ChangePasswordPage />) },
  // The citizen portal: outside the login guard.
  { path: PUBLIC_PATHS.report, element: fullScreen(<PublicReportPage />) },
  { path: PUBLIC_PATHS.track, element: fullScreen(<PublicTrackPage />) },
  {
    element: <RequireAuth />,
    children: [
      {
        element: fullScreen(<AppShell />),
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
            path: PATHS.tokens,
            element: (
              <RequirePermission permission="tokens.manage">
                <TokensPage />
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
          {
            path: PATHS.registryImport,
            element: (
              <RequirePermission permission="registry.import">
                <RegistryImportPage />
              </RequirePermission>
            ),
          },
          ...[
            { path: PATHS.addresses, element: <AddressTreePage /> },
            { path: PATHS.houses, element: <HouseListPage /> },
            { path: PATHS.houseDetail, element: <HouseDetailPage /> },
          ].map((r) => ({
            path: r.path,
            element: <RequirePermission permission="registry.read">{r.element}</RequirePermission>,
          })),
          {
            path: PATHS.persons,
            element: (
              <RequirePermission permission="registry.read">
                <PersonsPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.personNew,
            element: (
              <RequirePermission permission="registry.manage">
                <PersonEditPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.personDetail,
            element: (
              <RequirePermission permission="registry.read">
                <PersonDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.personEdit,
            element: (
              <RequirePermission permission="registry.manage">
                <PersonEditPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.units,
            element: (
              <RequirePermission permission="registry.read">
                <UnitsPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.unitNew,
            element: (
              <RequirePermission permission="registry.manage">
                <UnitEditPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.unitDetail,
            element: (
              <RequirePermission permission="registry.read">
                <UnitDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.unitEdit,
            element: (
              <RequirePermission permission="registry.manage">
                <UnitEditPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.places,
            element: (
              <RequirePermission permission="registry.read">
                <PlacesPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.placeNew,
            element: (
              <RequirePermission permission="registry.manage">
                <PlaceEditPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.placeDetail,
            element: (
              <RequirePermission permission="registry.read">
                <PlaceDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.placeEdit,
            element: (
              <RequirePermission permission="registry.manage">
                <PlaceEditPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.inspectionsOverdue,
            element: (
              <RequirePermission permission="registry.read">
                <OverdueInspectionsPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.specialGroups,
            element: (
              <RequirePermission permission="special.read">
                <SpecialGroupsPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.specialGroupDictionary,
            element: (
              <RequirePermission permission="special.configure">
                <GroupDictionaryPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.myVisits,
            element: (
              <RequirePermission permission="visits.read">
                <MyVisitsPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.overdueVisits,
            element: (
              <RequirePermission permission="visits.read">
                <OverdueVisitsPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.residentFiles,
            element: (
              <RequirePermission permission="residentFiles.read">
                <ResidentFilesPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.calendar,
            element: (
              <RequirePermission permission="calendar.manage">
                <CalendarPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.dispatchGaps,
            element: (
              <RequirePermission permission="dispatch.manage">
                <DispatchGapsPage />
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
