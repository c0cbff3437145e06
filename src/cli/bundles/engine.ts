// dist/cli-engine.js: everything of the engine the CLI uses, in one bundle that commands load
// on first use (scripts/build.mjs points their engine imports here).
export * from '../../core/engine/index';
export * from '../../core/engine/eval/report';
export * from '../../core/engine/eval/simulate';
export * from '../../core/engine/eval/quotes';
export { parseIso } from '../../core/engine/dates/calendar';
