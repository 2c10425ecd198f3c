import { Suspense, lazy } from 'react';
import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { AppShell } from './layout/app-shell';
import { PATHS } from './paths';
import { NotFoundPage } from './layout/not-found-page';
import { RequireAuth, RequirePermission } from './require-auth';
import { LoginPage } from '../features/auth/pages/login-page';
import { ChangePasswordPage } from '../features/auth/pages/change-password-page';
import { PUBLIC_PATHS } from '../features/public/public-paths';
import { PageLoader } from '../components/page-loader';

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
const RegistryImportPage = lazy(() =>
  import('../features/imports/pages/registry-import-page').then((m) => ({ default: m.RegistryImportPage })),
);
// @lazy:addresses
const AddressTreePage = lazy(() => import('../features/addresses/pages/address-tree-page').then((m) => ({ default: m.AddressTreePage })));
const HouseListPage = lazy(() => import('../features/addresses/pages/house-list-page').then((m) => ({ default: m.HouseListPage })));
const HouseDetailPage = lazy(() => import('../features/addresses/pages/house-detail-page').then((m) => ({ default: m.HouseDetailPage })));
// @lazy:population
const PersonsPage = lazy(() => import('../features/population/pages/persons-page').then((m) => ({ default: m.PersonsPage })));
const PersonDetailPage = lazy(() => import('../features/population/pages/person-detail-page').then((m) => ({ default: m.PersonDetailPage })));
const PersonEditPage = lazy(() => import('../features/population/pages/person-edit-page').then((m) => ({ default: m.PersonEditPage })));
// @lazy:units
const UnitsPage = lazy(() => import('../features/units/pages/units-page').then((m) => ({ default: m.UnitsPage })));
const UnitDetailPage = lazy(() => import('../features/units/pages/unit-detail-page').then((m) => ({ default: m.UnitDetailPage })));
const UnitEditPage = lazy(() => import('../features/units/pages/unit-edit-page').then((m) => ({ default: m.UnitEditPage })));
const PlacesPage = lazy(() => import('../features/units/pages/places-page').then((m) => ({ default: m.PlacesPage })));
const PlaceDetailPage = lazy(() => import('../features/units/pages/place-detail-page').then((m) => ({ default: m.PlaceDetailPage })));
const PlaceEditPage = lazy(() => import('../features/units/pages/place-edit-page').then((m) => ({ default: m.PlaceEditPage })));
const OverdueInspectionsPage = lazy(() =>
  import('../features/units/pages/overdue-inspections-page').then((m) => ({ default: m.OverdueInspectionsPage })),
);
// @lazy:special-groups
const SpecialGroupsPage = lazy(() => import('../features/special-groups/pages/special-groups-page').then((m) => ({ default: m.SpecialGroupsPage })));
const GroupDictionaryPage = lazy(() => import('../features/special-groups/pages/group-dictionary-page').then((m) => ({ default: m.GroupDictionaryPage })));
const MyVisitsPage = lazy(() => import('../features/special-groups/pages/my-visits-page').then((m) => ({ default: m.MyVisitsPage })));
const OverdueVisitsPage = lazy(() => import('../features/special-groups/pages/overdue-visits-page').then((m) => ({ default: m.OverdueVisitsPage })));
const ResidentFilesPage = lazy(() => import('../features/special-groups/pages/resident-files-page').then((m) => ({ default: m.ResidentFilesPage })));
// @lazy:public
const PublicReportPage = lazy(() => import('../features/public/pages/public-report-page').then((m) => ({ default: m.PublicReportPage })));
const PublicTrackPage = lazy(() => import('../features/public/pages/public-track-page').then((m) => ({ default: m.PublicTrackPage })));
// @lazy:calendar
const CalendarPage = lazy(() => import('../features/calendar/pages/calendar-page').then((m) => ({ default: m.CalendarPage })));
const DispatchGapsPage = lazy(() => import('../features/calendar/pages/dispatch-gaps-page').then((m) => ({ default: m.DispatchGapsPage })));
const TokensPage = lazy(() => import('../features/auth/pages/tokens-page').then((m) => ({ default: m.TokensPage })));
const MyTasksPage = lazy(() => import('../features/cases/pages/my-tasks-page').then((m) => ({ default: m.MyTasksPage })));

const routes: RouteObject[] = [
  { path: PATHS.login, element: <LoginPage /> },
  { path: PATHS.changePassword, element: <ChangePasswordPage /> },
  // @route:public (citizen portal: outside the login guard)
  { path: PUBLIC_PATHS.report, element: <Suspense fallback={<PageLoader fullScreen />}><PublicReportPage /></Suspense> },
  { path: PUBLIC_PATHS.track, element: <Suspense fallback={<PageLoader fullScreen />}><PublicTrackPage /></Suspense> },
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
          // @route:addresses
          ...[
            { path: PATHS.addresses, element: <AddressTreePage /> },
            { path: PATHS.houses, element: <HouseListPage /> },
            { path: PATHS.houseDetail, element: <HouseDetailPage /> },
          ].map((r) => ({ path: r.path, element: <RequirePermission permission="registry.read">{r.element}</RequirePermission> })),
          // @route:population
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
          // @route:units
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
          // @route:special-groups
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
          // @route:calendar
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
