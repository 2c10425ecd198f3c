import { useCallback, useState } from 'react';

/** A position in WGS-84 (the browser's Geolocation API reports WGS-84) with its accuracy in metres. */
export interface Fix {
  lng: number;
  lat: number;
  accuracy: number | null;
  /** true once the worker moved the point on the map. */
  corrected: boolean;
}

export function usePosition(): {
  fix: Fix | null;
  locating: boolean;
  error: string | null;
  locate: () => void;
  set: (f: Fix | null) => void;
} {
  const [fix, set] = useState<Fix | null>(null);
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setError('此设备不支持定位');
      return;
    }
    setLocating(true);
    setError(null);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        set({
          lng: Number(p.coords.longitude.toFixed(7)),
          lat: Number(p.coords.latitude.toFixed(7)),
          accuracy: Math.round(p.coords.accuracy),
          corrected: false,
        });
      },
      (e) => {
        setLocating(false);
        setError(e.message || '定位失败');
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  }, []);
  return { fix, locating, error, locate, set };
}
