import type { Needs, Platform, WiredModule } from '../../wiring';
import { reportCaseWith } from '../cases';
import { createResidentFilesService, type ResidentFilesService } from './resident-files.service';
import { registerResidentFilesRoutes } from './resident-files.routes';

/** 民情档案: persons, houses, areas and photos through services; a need raised becomes a case through the intake, as the author. */
export function residentFilesModule(
  p: Platform,
  needs: Needs<'population' | 'housing' | 'areas' | 'attachments' | 'cases'>,
): WiredModule<ResidentFilesService> {
  const service = createResidentFilesService({
    db: p.db,
    clock: p.clock,
    personRefs: (ids) => needs().population.personRefs(ids),
    houseRefs: (ids) => needs().housing.houseRefs(ids),
    areaRefs: (codes) => needs().areas.refs(codes),
    describeAttachments: (ids) => needs().attachments.describe(ids),
    reportCase: reportCaseWith(() => needs().cases),
  });
  return { service, routes: (app) => registerResidentFilesRoutes(app, service) };
}
