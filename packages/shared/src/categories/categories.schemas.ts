import { z } from 'zod';

/** 问题类型: 部件 (component), 事项 (matter, GB/T 47678.5) and 综治事件 (governance, local codes). */
export const CATEGORY_KINDS = ['component', 'matter', 'governance'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];
export const CategoryKindSchema = z.enum(CATEGORY_KINDS);

/**
 * The kinds a case is classified by. 部件 problems are filed under their 事项 mirror (事项 01–05 "XX异常"), so the
 * 部件 dictionary describes objects, and a case class code needs no kind to be unambiguous: matter codes are digits,
 * governance codes start with 'Z'.
 */
export const CASE_CATEGORY_KINDS = [
  'matter',
  'governance',
] as const satisfies readonly CategoryKind[];

export const CATEGORY_KIND_LABELS: Record<CategoryKind, { zh: string; en: string }> = {
  component: { zh: '部件', en: 'Component' },
  matter: { zh: '事项', en: 'Matter' },
  governance: { zh: '综治事件', en: 'Governance event' },
};

/** 大类 → 小类 → 子类 → 细类, below the 问题类型 (the kind). */
export const CATEGORY_LEVELS = ['major', 'minor', 'sub', 'detail'] as const;
export type CategoryLevel = (typeof CATEGORY_LEVELS)[number];
export const CategoryLevelSchema = z.enum(CATEGORY_LEVELS);

export const CATEGORY_LEVEL_LABELS: Record<CategoryLevel, { zh: string; en: string }> = {
  major: { zh: '大类', en: 'Major class' },
  minor: { zh: '小类', en: 'Minor class' },
  sub: { zh: '子类', en: 'Subclass' },
  detail: { zh: '细类', en: 'Detail class' },
};

/**
 * How many characters a child's code adds to its parent's: a local 小类 keeps the national `MMsss` shape, 子类 and
 * 细类 add two each. A fixed width per level makes "code starts with X" mean exactly "descends from X", which
 * wildcard dispatch rules rely on.
 */
export const CHILD_CODE_WIDTH: Record<Exclude<CategoryLevel, 'major'>, number> = {
  minor: 3,
  sub: 2,
  detail: 2,
};

/** Category codes: digits and upper-case letters, 2–20 characters (the case schema accepts 5–20 for a class). */
export const CategoryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{2,20}$/, '分类编码为 2–20 位数字或大写字母');

/** An old CJ/T 214 / GB/T 30428.2 number; separators ('01-10', '01.10') are dropped when stored. */
export const LegacyCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,28}[0-9A-Za-z]$/, '旧编码为 2–30 位数字或字母，可含 - 或 .');

const SynonymSchema = z.string().trim().min(1).max(32);

export const CategorySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    kind: CategoryKindSchema,
    level: CategoryLevelSchema,
    parentCode: z.string().nullable(),
    name: z.string(),
    legacyCodes: z
      .array(z.string())
      .describe('Old CJ/T 214 / GB/T 30428.2 codes, normalised (no separators)'),
    synonyms: z.array(z.string()).describe('地方叫法'),
    isLocalExtension: z.boolean(),
    active: z.boolean(),
    selfHandleAllowed: z.boolean().describe('On the 自行处置 whitelist'),
    verifyRequired: z.boolean().describe('Reports of this class always go through 核实'),
    duplicateRadiusM: z
      .number()
      .int()
      .describe('Open cases of the class within this radius are offered as duplicates'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Category' });
export type Category = z.infer<typeof CategorySchema>;

/** A category with its children, for the tree view. */
export const CategoryNodeSchema = CategorySchema.extend({
  get children(): z.ZodOptional<z.ZodArray<typeof CategoryNodeSchema>> {
    return z.array(CategoryNodeSchema).optional();
  },
}).meta({ id: 'CategoryNode' });
export type CategoryNode = z.infer<typeof CategoryNodeSchema>;

export const CategoryListQuerySchema = z.object({
  kind: CategoryKindSchema.optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .optional()
    .describe('Matches code prefix, name, synonym or legacy alias'),
  activeOnly: z.enum(['true', 'false']).default('false'),
  view: z
    .enum(['flat', 'tree'])
    .default('flat')
    .describe('tree: roots with children (search hits keep their ancestors)'),
});
export type CategoryListQuery = z.infer<typeof CategoryListQuerySchema>;

export const CategoryListSchema = z.object({ items: z.array(CategoryNodeSchema) });

export const CategoryCodeParamSchema = z.object({ code: CategoryCodeSchema });

export const CategoryKindQuerySchema = z.object({
  kind: CategoryKindSchema.optional().describe(
    'Needed only for 部件: without it a code is looked up as 事项/综治 first',
  ),
});

export const ResolveCategoryQuerySchema = z.object({
  code: LegacyCodeSchema.describe('An old (legacy) code'),
  kind: CategoryKindSchema.optional().describe('Default: the case kinds (事项, 综治)'),
});

const FlagsSchema = z.object({
  selfHandleAllowed: z.boolean().optional(),
  verifyRequired: z.boolean().optional(),
  duplicateRadiusM: z.number().int().min(0).max(5000).optional(),
});

/** A local extension: a 子类/细类 under any 小类/子类, or a local 小类 under a 大类. */
export const CreateCategoryRequestSchema = FlagsSchema.extend({
  kind: CategoryKindSchema,
  parentCode: CategoryCodeSchema,
  code: CategoryCodeSchema.describe(
    "The parent's code plus 3 characters for a 小类, 2 for a 子类 or 细类",
  ),
  name: z.string().trim().min(1).max(64),
  synonyms: z.array(SynonymSchema).max(20).optional(),
  legacyCodes: z.array(LegacyCodeSchema).max(20).optional(),
});
export type CreateCategoryRequest = z.infer<typeof CreateCategoryRequestSchema>;

export const UpdateCategoryRequestSchema = FlagsSchema.extend({
  name: z.string().trim().min(1).max(64).optional(),
  synonyms: z.array(SynonymSchema).max(20).optional().describe('Replaces the list'),
  legacyCodes: z
    .array(LegacyCodeSchema)
    .max(20)
    .optional()
    .describe('Replaces the list of legacy aliases'),
  active: z.boolean().optional(),
});
export type UpdateCategoryRequest = z.infer<typeof UpdateCategoryRequestSchema>;
