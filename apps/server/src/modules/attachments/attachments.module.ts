import { join } from 'node:path';
import type { Needs, Platform, WiredModule } from '../../wiring';
import { createAttachmentsService, type AttachmentsService } from './attachments.service';
import { registerAttachmentsRoutes } from './attachments.routes';
import { createLocalBlobStore } from './local-blob-store';

/** Blobs under the data directory; whoever may read a case, membership, file entry or inspection may see its photos. */
export function attachmentsModule(
  p: Platform,
  needs: Needs<'cases' | 'specialGroups' | 'residentFiles' | 'units'>,
): WiredModule<AttachmentsService> {
  const service = createAttachmentsService({
    db: p.db,
    clock: p.clock,
    blobs: createLocalBlobStore(join(p.config.dataDir, 'blobs')),
    limits: { dailyUploadBytes: p.config.uploadQuotaBytesPerDay },
    canView: async (actor, id) => {
      const s = needs();
      return (
        (await s.cases.canViewAttachment(actor, id)) ||
        (await s.specialGroups.canViewAttachment(actor, id)) ||
        (await s.residentFiles.canViewAttachment(actor, id)) ||
        (await s.units.inspections.canViewAttachment(actor, id))
      );
    },
  });
  return { service, routes: (app) => registerAttachmentsRoutes(app, service) };
}
