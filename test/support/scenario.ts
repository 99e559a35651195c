/*
 * The scenario fixtures as the test tiers import them: one line to change when they move
 * (docs: LAYOUT.md, "Test fixtures" — from src/cooperations/domain/testing/ to test/fixtures/).
 */
export * from '../../src/cooperations/domain/testing/building-yard.scenario';
