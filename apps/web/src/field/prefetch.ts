import { remember } from './db';
import { loadGrid } from './screens/grid-screen';
import { loadCategories } from './screens/report-screen';
import { loadTasks } from './screens/tasks-screen';
import type { FieldUser } from './session';

/**
 * Fills the offline copies as soon as the app is online with a user, so a worker who never opened 我的任务 or 我的网格
 * before losing the signal still has them. Same names as the screens' reads; failures are left for the screens.
 */
export async function prefetch(user: FieldUser): Promise<void> {
  const code = user.areas[0]?.code;
  const jobs: [string, () => Promise<unknown>][] = [
    ['categories', loadCategories],
    [`tasks:${user.id}`, () => loadTasks(user.id)],
    ...(code
      ? [[`grid:${user.id}:${code}`, () => loadGrid(code)] as [string, () => Promise<unknown>]]
      : []),
  ];
  await Promise.all(
    jobs.map(([name, load]) =>
      load().then(
        (data) => remember(name, data),
        () => undefined,
      ),
    ),
  );
}
