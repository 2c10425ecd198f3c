import { Navigate } from 'react-router';
import { useMe } from '../features/auth/api';
import { landingPath } from './landing';

/** `/` sends each user to their work (landing.ts). */
export function HomeRedirect() {
  return <Navigate to={landingPath(useMe())} replace />;
}
