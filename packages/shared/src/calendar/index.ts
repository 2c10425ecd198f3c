export * from './calendar.schemas';
