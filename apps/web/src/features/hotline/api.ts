import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiResponse } from '../../lib/api-client';

export type DeliveryList = ApiResponse<'/api/hotline/deliveries'>;
export type Delivery = DeliveryList['items'][number];
export type DeliveryStatus = Delivery['status'];

export function useDeliveries(q: {
  status: DeliveryStatus | null;
  orderId: string;
  offset: number;
}) {
  return useQuery({
    queryKey: ['hotline-deliveries', q.status ?? '', q.orderId, q.offset],
    queryFn: ({ signal }) =>
      api.get('/api/hotline/deliveries', {
        params: {
          query: {
            limit: 50,
            offset: q.offset,
            ...(q.status ? { status: q.status } : {}),
            ...(q.orderId ? { orderId: q.orderId } : {}),
          },
        },
        signal,
      }),
    // A delivery waiting for its retry changes on its own: the log refreshes while open.
    refetchInterval: 10_000,
  });
}

export function useRedeliver() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post('/api/hotline/deliveries/{id}/redeliver', { params: { path: { id } } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['hotline-deliveries'] }),
  });
}
