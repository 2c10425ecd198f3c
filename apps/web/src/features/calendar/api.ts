import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportCalendarRequest, PutCalendarDayRequest, WorkWindowInput } from '@wangge/shared';
import { api } from '../../lib/api-client';

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', year] as const,
};

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => api.get('/api/calendar', { params: { query: { year } }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every calendar write moves deadlines of every year shown, so all cached years are refetched. */
function useCalendarMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Errors are shown next to the form that caused them.
    meta: { silent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

export function useSetDay() {
  return useCalendarMutation(({ date, body }: { date: string; body: PutCalendarDayRequest }) =>
    api.put('/api/calendar/days/{date}', { params: { path: { date } }, body }),
  );
}

export function useDeleteDay() {
  return useCalendarMutation((date: string) =>
    api.delete('/api/calendar/days/{date}', { params: { path: { date } } }),
  );
}

export function useSetWindows() {
  return useCalendarMutation((windows: WorkWindowInput[]) =>
    api.put('/api/calendar/windows', { body: { windows } }),
  );
}

export function useImportYear() {
  return useCalendarMutation((body: ImportCalendarRequest) =>
    api.post('/api/calendar/import', { body }),
  );
}
