import { z } from 'zod';

/** 统一社会信用代码: 18 characters of digits and upper-case letters except I, O, S, V, Z. */
export const CreditCodeSchema = z
  .string()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为 18 位');

export const DepartmentSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    creditCode: z.string().nullable(),
    areaCode: z.string().describe('The department serves this area subtree'),
    areaName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof DepartmentSchema>;

export const CreateDepartmentRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,32}$/, '部门编码为 2–32 位字母、数字、下划线或短横线'),
  name: z.string().trim().min(2).max(64),
  creditCode: CreditCodeSchema.optional(),
  areaCode: z.string().trim().min(6).max(20),
});
export type CreateDepartmentRequest = z.infer<typeof CreateDepartmentRequestSchema>;

export const UpdateDepartmentRequestSchema = CreateDepartmentRequestSchema.omit({
  code: true,
}).partial();

export const DepartmentListSchema = z.object({ items: z.array(DepartmentSchema) });
