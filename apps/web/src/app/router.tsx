import { Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PATHS } from './paths';
import { RequireAuth, RequirePermission } from './require-auth';
import { HomeRedirect } from './home-redirect';
import { PUBLIC_PATHS } from '../features/public-cases/public-paths';
import { PageLoader } from '../components/page-loader';
import { withMessages } from '../lib/i18n';
import type { MessagePart } from '../lib/i18n-parts';

/** A lazy page: one named export of a module, loaded together with the message dictionaries it needs. */
function lazyPage<M extends Record<N, ComponentType>, N extends keyof M & string>(
  load: () => Promise<M>,
  name: N,
  ...parts: MessagePart[]
) {
  return lazy(() => withMessages(load(), ...parts).then((m) => ({ default: m[name] })));
}

// Every page is a chunk of its own, loaded on first visit, and so is the shell around the signed-in pages: the login
// page does not carry the menu, and a bookmarked page does not carry the login form (nor its demo-accounts table).
const LoginPage = lazyPage(() => import('../features/auth/pages/login-page'), 'LoginPage');
const ChangePasswordPage = lazyPage(
  () => import('../features/auth/pages/change-password-page'),
  'ChangePasswordPage',
);
const AppShell = lazyPage(() => import('./layout/app-shell'), 'AppShell');
const NotFoundPage = lazyPage(() => import('./layout/not-found-page'), 'NotFoundPage');
const fullScreen = (page: ReactNode) => (
  <Suspense fallback={<PageLoader fullScreen />}>{page}</Suspense>
);
const MapPage = lazyPage(() => import('../features/areas/pages/map-page'), 'MapPage');
const AreaTreePage = lazyPage(
  () => import('../features/areas/pages/area-tree-page'),
  'AreaTreePage',
);
const AreaImportPage = lazyPage(
  () => import('../features/areas/pages/area-import-page'),
  'AreaImportPage',
);
const DepartmentsPage = lazyPage(
  () => import('../features/departments/pages/departments-page'),
  'DepartmentsPage',
);
const UsersPage = lazyPage(() => import('../features/users/pages/users-page'), 'UsersPage');
const AuditPage = lazyPage(() => import('../features/audit/pages/audit-page'), 'AuditPage');
const Open311KeysPage = lazyPage(
  () => import('../features/open311/pages/open311-keys-page'),
  'Open311KeysPage',
  'open311',
);
const HotlineDeliveriesPage = lazyPage(
  () => import('../features/hotline/pages/hotline-deliveries-page'),
  'HotlineDeliveriesPage',
  'hotline',
);
const ReportPage = lazyPage(
  () => import('../features/cases/pages/report-page'),
  'ReportPage',
  'cases',
);
const CaseQueuePage = lazyPage(
  () => import('../features/cases/pages/case-queue-page'),
  'CaseQueuePage',
  'cases',
);
const CaseDetailPage = lazyPage(
  () => import('../features/cases/pages/case-detail-page'),
  'CaseDetailPage',
  'cases',
);
const RegistryImportPage = lazyPage(
  () => import('../features/imports/pages/registry-import-page'),
  'RegistryImportPage',
  'imports',
);
const AddressTreePage = lazyPage(
  () => import('../features/addresses/pages/address-tree-page'),
  'AddressTreePage',
  'addresses',
);
const HouseListPage = lazyPage(
  () => import('../features/addresses/pages/house-list-page'),
  'HouseListPage',
  'addresses',
);
const HouseDetailPage = lazyPage(
  () => import('../features/addresses/pages/house-detail-page'),
  'HouseDetailPage',
  'addresses',
);
const PersonsPage = lazyPage(
  () => import('../features/population/pages/persons-page'),
  'PersonsPage',
  'population',
  'special-groups',
  'cases',
);
const PersonDetailPage = lazyPage(
  () => import('../features/population/pages/person-detail-page'),
  'PersonDetailPage',
  'population',
  'special-groups',
  'cases',
);
const PersonEditPage = lazyPage(
  () => import('../features/population/pages/person-edit-page'),
  'PersonEditPage',
  'population',
  'special-groups',
  'cases',
);
const UnitsPage = lazyPage(
  () => import('../features/units/pages/units-page'),
  'UnitsPage',
  'units',
  'cases',
);
const UnitDetailPage = lazyPage(
  () => import('../features/units/pages/unit-detail-page'),
  'UnitDetailPage',
  'units',
  'cases',
);
const UnitEditPage = lazyPage(
  () => import('../features/units/pages/unit-edit-page'),
  'UnitEditPage',
  'units',
  'cases',
);
const PlacesPage = lazyPage(
  () => import('../features/units/pages/places-page'),
  'PlacesPage',
  'units',
  'cases',
);
const PlaceDetailPage = lazyPage(
  () => import('../features/units/pages/place-detail-page'),
  'PlaceDetailPage',
  'units',
  'cases',
);
const PlaceEditPage = lazyPage(
  () => import('../features/units/pages/place-edit-page'),
  'PlaceEditPage',
  'units',
  'cases',
);
const OverdueInspectionsPage = lazyPage(
  () => import('../features/units/pages/overdue-inspections-page'),
  'OverdueInspectionsPage',
  'units',
  'cases',
);
const SpecialGroupsPage = lazyPage(
  () => import('../features/special-groups/pages/special-groups-page'),
  'SpecialGroupsPage',
  'special-groups',
  'cases',
);
const GroupDictionaryPage = lazyPage(
  () => import('../features/special-groups/pages/group-dictionary-page'),
  'GroupDictionaryPage',
  'special-groups',
  'cases',
);
const MyVisitsPage = lazyPage(
  () => import('../features/special-groups/pages/my-visits-page'),
  'MyVisitsPage',
  'special-groups',
  'cases',
);
const OverdueVisitsPage = lazyPage(
  () => import('../features/special-groups/pages/overdue-visits-page'),
  'OverdueVisitsPage',
  'special-groups',
  'cases',
);
const ResidentFilesPage = lazyPage(
  () => import('../features/special-groups/pages/resident-files-page'),
  'ResidentFilesPage',
  'special-groups',
  'cases',
);
const PublicReportPage = lazy(() =>
  withMessages(
    import('../features/public-cases/pages/public-report-page').then((m) => ({
      default: m.PublicReportPage,
    })),
  ),
);
const PublicTrackPage = lazyPage(
  () => import('../features/public-cases/pages/public-track-page'),
  'PublicTrackPage',
);
const PublicBoardPage = lazyPage(
  () => import('../features/public-cases/pages/public-board-page'),
  'PublicBoardPage',
);
const PublicFiguresPage = lazyPage(
  () => import('../features/public-cases/pages/public-figures-page'),
  'PublicFiguresPage',
);
const ModerationPage = lazyPage(
  () => import('../features/public-cases/pages/moderation-page'),
  'ModerationPage',
);
const CalendarPage = lazyPage(
  () => import('../features/calendar/pages/calendar-page'),
  'CalendarPage',
);
const DispatchGapsPage = lazyPage(
  () => import('../features/dispatch-rules/pages/dispatch-gaps-page'),
  'DispatchGapsPage',
);
const DispatchRulesPage = lazyPage(
  () => import('../features/dispatch-rules/pages/dispatch-rules-page'),
  'DispatchRulesPage',
  'dispatch-rules',
  'imports',
);
const CategoryDictionaryPage = lazyPage(
  () => import('../features/categories/pages/category-dictionary-page'),
  'CategoryDictionaryPage',
  'category-dictionary',
  'imports',
);
const AssessmentPage = lazyPage(
  () => import('../features/assessment/pages/assessment-page'),
  'AssessmentPage',
  'assessment',
);
const ConditionsPage = lazyPage(
  () => import('../features/categories/pages/conditions-page'),
  'ConditionsPage',
  'conditions',
);
const TokensPage = lazyPage(() => import('../features/auth/pages/tokens-page'), 'TokensPage');
const AreaOverviewPage = lazyPage(
  () => import('../features/cases/pages/area-overview-page'),
  'AreaOverviewPage',
  'cases',
);
const ReportsPage = lazyPage(
  () => import('../features/reports/pages/reports-page'),
  'ReportsPage',
  'reports',
);
const SupervisionPage = lazyPage(
  () => import('../features/supervision/pages/supervision-page'),
  'SupervisionPage',
  'supervision',
  'cases',
);
const RegistryFiguresPage = lazyPage(
  () => import('../features/registry-figures/pages/registry-figures-page'),
  'RegistryFiguresPage',
  'registry-figures',
);
const DashboardPage = lazyPage(
  () => import('../features/dashboard/pages/dashboard-page'),
  'DashboardPage',
  'dashboard',
  'registry-figures',
  'cases',
);
const ScreenPage = lazyPage(
  () => import('../features/screen/pages/screen-page'),
  'ScreenPage',
  'screen',
);
const MyTasksPage = lazyPage(
  () => import('../features/cases/pages/my-tasks-page'),
  'MyTasksPage',
  'cases',
);

const routes: RouteObject[] = [
  { path: PATHS.login, element: fullScreen(<LoginPage />) },
  { path: PATHS.changePassword, element: fullScreen(<ChangePasswordPage />) },
  // The citizen portal: outside the login guard.
  { path: PUBLIC_PATHS.report, element: fullScreen(<PublicReportPage />) },
  { path: PUBLIC_PATHS.track, element: fullScreen(<PublicTrackPage />) },
  { path: PUBLIC_PATHS.board, element: fullScreen(<PublicBoardPage />) },
  { path: PUBLIC_PATHS.figures, element: fullScreen(<PublicFiguresPage />) },
  {
    element: <RequireAuth />,
    children: [
      // The 大屏 fills the screen: no menu or header around it.
      {
        path: PATHS.screen,
        element: fullScreen(
          <RequirePermission permission="cases.read">
            <ScreenPage />
          </RequirePermission>,
        ),
      },
      {
        element: fullScreen(<AppShell />),
        children: [
          { index: true, element: <HomeRedirect /> },
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
            path: PATHS.overview,
            element: (
              <RequirePermission permission="cases.read">
                <AreaOverviewPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.dashboard,
            element: (
              <RequirePermission permission="indicators.read">
                <DashboardPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.reports,
            element: (
              <RequirePermission permission="reports.read">
                <ReportsPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.open311Keys,
            element: (
              <RequirePermission permission="settings.manage">
                <Open311KeysPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.hotlineDeliveries,
            element: (
              <RequirePermission permission="settings.manage">
                <HotlineDeliveriesPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.registryFigures,
            element: (
              <RequirePermission permission="registry.read">
                <RegistryFiguresPage />
              </RequirePermission>
            ),
          },
          {
            path: PUBLIC_PATHS.moderation,
            element: (
              <RequirePermission permission="public.moderate">
                <ModerationPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.supervision,
            element: (
              <RequirePermission permission="cases.supervise">
                <SupervisionPage />
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
          {
            path: PATHS.dispatchRules,
            element: (
              <RequirePermission permission="dispatch.manage">
                <DispatchRulesPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.categoryDictionary,
            element: (
              <RequirePermission permission="categories.manage">
                <CategoryDictionaryPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.conditions,
            element: (
              <RequirePermission permission="categories.manage">
                <ConditionsPage />
              </RequirePermission>
            ),
          },
          {
            path: PATHS.assessment,
            element: (
              <RequirePermission permission="indicators.manage">
                <AssessmentPage />
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
