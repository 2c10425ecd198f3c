import { z } from 'zod';
import { AreaLevelSchema } from '../areas/area-codes';
import { PERMISSIONS } from '../permissions';

export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const ActorAreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: AreaLevelSchema,
});

export const MeSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.object({ code: z.string(), name: z.string() })),
    permissions: z.array(z.string()),
    areas: z.array(ActorAreaSchema).describe('The roots of the user’s data scope'),
    allAreas: z.boolean().describe('True when the user’s scope is the whole jurisdiction'),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const SessionResponseSchema = z.object({
  user: MeSchema,
  csrfToken: z.string().describe('Send back as the x-csrf-token header on writes'),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const ChangePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(10, '新密码至少 10 个字符').max(256),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

export const CreateTokenRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .describe('Days until the token stops working (default 90, at most 365)'),
  permissions: z
    .array(z.enum(PERMISSIONS))
    .max(PERMISSIONS.length)
    .optional()
    .describe(
      'What the token may do, within the creator’s own permissions; default: the creator’s read permissions (*.read)',
    ),
});
export type CreateTokenRequest = z.infer<typeof CreateTokenRequestSchema>;
export const TokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string(),
  permissions: z
    .array(z.string())
    .describe('Given at creation; in use cut down to what the user may do at the time'),
});
export type ApiToken = z.infer<typeof TokenSchema>;
export const CreateTokenResponseSchema = TokenSchema.extend({
  token: z.string().describe('Shown once; send as Authorization: Bearer <token>'),
});
export type CreateTokenResponse = z.infer<typeof CreateTokenResponseSchema>;
export const TokenListSchema = z.object({ items: z.array(TokenSchema) });
