import { z } from 'zod';

/** 走访记录 / 民情日志 / 社情民意. */
export const RESIDENT_FILE_KINDS = ['visit_log', 'work_log', 'public_opinion'] as const;
export type ResidentFileKind = (typeof RESIDENT_FILE_KINDS)[number];
export const RESIDENT_FILE_KIND_LABELS: Record<ResidentFileKind, { zh: string; en: string }> = {
  visit_log: { zh: '走访记录', en: 'Visit log' },
  work_log: { zh: '民情日志', en: 'Work log' },
  public_opinion: { zh: '社情民意', en: 'Public opinion' },
};

export const RESIDENT_FILE_STATUSES = ['open', 'followed_up', 'closed'] as const;
export type ResidentFileStatus = (typeof RESIDENT_FILE_STATUSES)[number];
export const RESIDENT_FILE_STATUS_LABELS: Record<ResidentFileStatus, { zh: string; en: string }> = {
  open: { zh: '待跟进', en: 'Open' },
  followed_up: { zh: '已跟进', en: 'Followed up' },
  closed: { zh: '已办结', en: 'Closed' },
};

/** 民生服务 / 求助: the default class of a case raised from a resident's need (a 群众需求 is a 民生 case). */
export const RESIDENT_NEED_CASE_CLASS = 'Z03001';

const text = (max: number) => z.string().trim().max(max);
const Attachments = z
  .array(z.string().min(1).max(64))
  .max(9)
  .describe('Attachment ids the caller uploaded');

export const CreateResidentFileRequestSchema = z
  .object({
    kind: z.enum(RESIDENT_FILE_KINDS),
    at: z.iso.datetime({ offset: true }).optional().describe('When it was heard; defaults to now'),
    houseId: z.string().min(1).max(64).optional().describe('The household it is about'),
    personId: z.string().min(1).max(64).optional().describe('The person it is about'),
    gridCode: z
      .string()
      .min(6)
      .max(20)
      .optional()
      .describe('For entries about no household or person; defaults to the author’s only grid'),
    raised: z
      .string()
      .trim()
      .min(2, '请填写群众反映的情况')
      .max(4000)
      .describe('What residents raised'),
    followUp: text(4000).nullable().optional(),
    attachments: Attachments.optional(),
  })
  .meta({ id: 'CreateResidentFileRequest' });
export type CreateResidentFileRequest = z.infer<typeof CreateResidentFileRequestSchema>;

export const UpdateResidentFileRequestSchema = z
  .object({
    version: z.number().int().min(1),
    raised: z.string().trim().min(2).max(4000).optional(),
    followUp: text(4000).nullable().optional(),
    status: z.enum(RESIDENT_FILE_STATUSES).optional(),
    attachments: Attachments.optional(),
  })
  .meta({ id: 'UpdateResidentFileRequest' });
export type UpdateResidentFileRequest = z.infer<typeof UpdateResidentFileRequestSchema>;

export const ResidentFileListQuerySchema = z.object({
  kind: z.enum(RESIDENT_FILE_KINDS).optional(),
  status: z.enum(RESIDENT_FILE_STATUSES).optional(),
  areaCode: z.string().max(20).optional(),
  personId: z.string().max(64).optional(),
  houseId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export type ResidentFileListQuery = z.infer<typeof ResidentFileListQuerySchema>;

export const RaiseCaseFromFileRequestSchema = z
  .object({
    categoryCode: z
      .string()
      .regex(/^[0-9A-Z]{5,20}$/, '分类编码应为 5–20 位数字或大写字母')
      .default(RESIDENT_NEED_CASE_CLASS),
    description: z
      .string()
      .trim()
      .min(2)
      .max(2000)
      .optional()
      .describe('Defaults to what residents raised'),
    lng: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    address: z.string().trim().min(2, '请填写地址').max(200),
  })
  .meta({ id: 'RaiseCaseFromFileRequest' });
export type RaiseCaseFromFileRequest = z.infer<typeof RaiseCaseFromFileRequestSchema>;

export const ResidentFileSchema = z
  .object({
    id: z.string(),
    kind: z.enum(RESIDENT_FILE_KINDS),
    at: z.string(),
    houseId: z.string().nullable(),
    personId: z.string().nullable(),
    personName: z.string().nullable().describe('Masked (张*明)'),
    raised: z.string(),
    followUp: z.string().nullable(),
    status: z.enum(RESIDENT_FILE_STATUSES),
    streetCode: z.string(),
    communityCode: z.string(),
    gridCode: z.string().nullable(),
    gridName: z.string().nullable(),
    attachments: z.array(z.string()),
    caseId: z.string().nullable(),
    caseNo: z.string().nullable(),
    authorId: z.string(),
    authorName: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ResidentFile' });
export type ResidentFile = z.infer<typeof ResidentFileSchema>;
export const ResidentFileListSchema = z.object({
  items: z.array(ResidentFileSchema),
  total: z.number().int(),
});
