import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarDayRow,
  CalendarResponse,
  DispatchGapReport,
  ImportCalendarRequest,
  ImportCalendarResponse,
  PutCalendarDayRequest,
  WorkWindowInput,
} from '@wangge/shared';
import { untypedApi as api, apiRequest } from '../../lib/api-client';

/** Query parameters of GET /api/dispatch-rules/gaps, as sent. */
export interface DispatchGapParams {
  kind?: 'matter' | 'governance' | undefined;
  areaCode?: string | undefined;
  partial?: 'true' | 'false';
  limit?: number;
}

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', year] as const,
  gaps: (p: DispatchGapParams) => ['dispatch-gaps', p] as const,
};

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => api.get<CalendarResponse>('/api/calendar', { year }, signal),
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
    apiRequest<CalendarDayRow>(`/api/calendar/days/${encodeURIComponent(date)}`, { method: 'PUT', body }),
  );
}

export function useDeleteDay() {
  return useCalendarMutation((date: string) => apiRequest<{ ok: true }>(`/api/calendar/days/${encodeURIComponent(date)}`, { method: 'DELETE' }));
}

export function useSetWindows() {
  return useCalendarMutation((windows: WorkWindowInput[]) => apiRequest<{ windows: WorkWindowInput[] }>('/api/calendar/windows', { method: 'PUT', body: { windows } }));
}

export function useImportYear() {
  return useCalendarMutation((body: ImportCalendarRequest) => api.post<ImportCalendarResponse>('/api/calendar/import', body));
}

/** 未配置主责部门 report (小类 × 街道 without a primary dispatch rule). */
export function useDispatchGaps(params: DispatchGapParams) {
  return useQuery({
    queryKey: calendarKeys.gaps(params),
    queryFn: ({ signal }) => api.get<DispatchGapReport>('/api/dispatch-rules/gaps', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}
