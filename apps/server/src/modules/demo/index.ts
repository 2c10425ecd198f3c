/** The deterministic demo city and its seeding. */
export { seedDemo, DEMO_PASSWORD, type DemoAccount } from './demo-seed';
export { generateCity, DEMO_DISTRICT_CODE } from './city-generator';
export { demoClock, type DemoClock } from './demo-clock';
