/** What the start-up and shutdown code uses of health: whether this instance still takes work. */
export { Readiness } from './readiness';
