import type { ComponentDispatchRole, Department } from '@wangge/shared';

/** The units of a 部件 that may own its cases, as credit codes (GB/T 47678.5 表2 主管部门/权属单位/养护单位). */
export interface ComponentUnits {
  gridCode: string;
  maintainerCode: string | null;
  ownerCode: string | null;
  deptCode: string;
}

export interface ComponentDispatchDeps {
  componentUnits(id: string): Promise<ComponentUnits | null>;
  departmentsByCreditCodes(codes: string[]): Promise<Department[]>;
}

// 养护单位 first (it does the repair), then 权属单位, then 主管部门: a product rule, to verify against local practice.
const ORDER: readonly ComponentDispatchRole[] = ['maintainer', 'owner', 'dept'];

// Credit codes are upper case by standard; registry imports may not be, so both sides are compared normalised.
const norm = (c: string | null | undefined) => (c ?? '').trim().toUpperCase();

/**
 * Step 1 of the resolution (docs/case-workflow.md §4): the department whose credit code is the component's 养护单位, else
 * its 权属单位, else its 主管部门. Only existing departments count. Should several departments share a code, the
 * one whose area contains the component wins, then the lowest department code. Null: fall through to the matrix.
 */
export async function componentDepartment(
  deps: ComponentDispatchDeps,
  componentId: string,
): Promise<{ department: Department; role: ComponentDispatchRole } | null> {
  const units = await deps.componentUnits(componentId);
  if (!units) return null;
  const codes: Record<ComponentDispatchRole, string> = {
    maintainer: norm(units.maintainerCode),
    owner: norm(units.ownerCode),
    dept: norm(units.deptCode),
  };
  const wanted = [...new Set(ORDER.map((r) => codes[r]).filter((c) => c !== ''))];
  if (wanted.length === 0) return null;
  const near = (d: Department) => (units.gridCode.startsWith(d.areaCode) ? 0 : 1);
  const departments = (await deps.departmentsByCreditCodes(wanted)).sort(
    (a, b) => near(a) - near(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  for (const role of ORDER) {
    const department =
      codes[role] === '' ? undefined : departments.find((d) => norm(d.creditCode) === codes[role]);
    if (department) return { department, role };
  }
  return null;
}
