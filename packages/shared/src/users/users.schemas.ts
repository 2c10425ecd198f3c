import { z } from 'zod';
import { MobilePhoneSchema } from '../common/phone.schemas';
import { PERMISSIONS } from '../permissions';

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable().describe('Masked unless unmasked with a reason'),
    status: z.enum(['active', 'disabled']),
    roles: z.array(z.string()).describe('Role codes'),
    departmentId: z.string().nullable(),
    areaCodes: z.array(z.string()),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const UserListQuerySchema = z.object({
  q: z.string().trim().max(64).optional(),
  areaCode: z.string().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const UserListSchema = z.object({ items: z.array(UserSchema), total: z.number().int() });

export const CreateUserRequestSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,64}$/, '用户名为 3–64 位字母、数字或 _ . -'),
  displayName: z.string().trim().min(1).max(64),
  password: z.string().min(10, '密码至少 10 个字符').max(256),
  phone: MobilePhoneSchema.optional(),
  roles: z.array(z.string().min(1).max(64)).min(1).max(20),
  areaCodes: z.array(z.string().min(6).max(20)).min(1).max(50),
  departmentId: z.string().min(1).max(64).optional().describe('For users of a 专业部门'),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const UpdateUserRequestSchema = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  phone: MobilePhoneSchema.nullable().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  roles: z.array(z.string().min(1).max(64)).min(1).max(20).optional(),
  areaCodes: z.array(z.string().min(6).max(20)).min(1).max(50).optional(),
  departmentId: z.string().min(1).max(64).nullable().optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const RoleSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    permissions: z.array(z.string()),
    builtin: z.boolean(),
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof RoleSchema>;
export const RoleListSchema = z.object({ items: z.array(RoleSchema) });

export const CreateRoleRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{2,40}$/, '角色编码为小写字母开头的 3–41 位字母、数字或下划线'),
  name: z.string().trim().min(1).max(64),
  nameEn: z.string().trim().min(1).max(64),
  permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
});
export type CreateRoleRequest = z.infer<typeof CreateRoleRequestSchema>;
