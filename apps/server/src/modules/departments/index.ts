/** 专业部门 (handling departments), each with an area scope. */
export { createDepartmentsService, type DepartmentsService } from './departments.service';
export { registerDepartmentsRoutes } from './departments.routes';
export { departmentsModule } from './departments.module';
