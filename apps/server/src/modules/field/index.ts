/** 移动端 (field app): idempotent 核实/核查 answers for the offline queue (docs/field-app.md). */
export { createFieldService, type FieldService } from './field.service';
export { registerFieldRoutes } from './field.routes';
export { fieldModule } from './field.module';
