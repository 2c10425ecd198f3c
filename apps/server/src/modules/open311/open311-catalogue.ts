import type { Category, PublicCategory } from '@wangge/shared';
import type { Value } from './open311-format';

/** A public class as an Open311 service. */
export interface Service {
  code: string;
  name: string;
  group: string | null;
  keywords: string[];
  /** 部件-mirror 事项 (大类 01–05) take the plate code of the object as an attribute. */
  componentAttribute: boolean;
  sensitive: boolean;
  updatedAt: string;
}

// 大类 01–05 are the 事项 mirrors of the 部件 classes ("XX设施异常"): a problem with a registered object.
const COMPONENT_MIRROR = /^0[1-5]/;

export function servicesOf(
  classes: readonly PublicCategory[],
  details: readonly Category[],
  isSensitive: (c: { code: string; names: string[] }) => boolean,
): Service[] {
  const byCode = new Map(details.map((d) => [d.code, d]));
  return classes.map((c) => {
    const d = byCode.get(c.code);
    const names = [c.group, c.name].filter((n): n is string => Boolean(n));
    return {
      code: c.code,
      name: c.name,
      group: c.group,
      keywords: d?.synonyms ?? [],
      componentAttribute: d?.kind === 'matter' && COMPONENT_MIRROR.test(c.code),
      sensitive: isSensitive({ code: c.code, names }),
      updatedAt: d?.updatedAt ?? '',
    };
  });
}

/** services.xml / services.json: one `service` per public class. */
export function serviceEntry(s: Service): Record<string, Value> {
  return {
    service_code: s.code,
    service_name: s.name,
    description: s.group ? `${s.group} · ${s.name}` : s.name,
    metadata: s.componentAttribute,
    type: 'realtime',
    keywords: s.keywords.join(','),
    group: s.group,
  };
}

export const COMPONENT_CODE = /^\d{16,17}$/;

/**
 * services/{code}: the attributes a client shows. Every service carries the notice (information only); the 部件
 * mirrors ask for the object's plate code, which files the case against the registered 部件.
 */
export function definitionOf(s: Service): Record<string, Value> {
  const attributes: Value[] = [];
  if (s.componentAttribute)
    attributes.push({
      variable: true,
      code: 'component_code',
      datatype: 'string',
      required: false,
      datatype_description: '17 位数字 (旧铭牌 16 位)',
      order: 1,
      description: '设施铭牌上的部件标识码 (如能看到)',
      values: [],
    });
  attributes.push({
    variable: false,
    code: 'notice',
    datatype: 'text',
    required: false,
    datatype_description: null,
    order: attributes.length + 1,
    description: '紧急情况请拨打 110、119 或 120；请勿在描述中填写他人的姓名、电话等个人信息。',
    values: [],
  });
  return { service_code: s.code, attributes };
}

export const DEFINITION_ITEMS = { attributes: 'attribute', values: 'value' } as const;

/** The attribute codes a service accepts on POST (variable ones). */
export const acceptedAttributes = (s: Service): string[] =>
  s.componentAttribute ? ['component_code'] : [];
