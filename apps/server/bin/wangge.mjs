#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so there is no server build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
