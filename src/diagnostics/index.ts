export * from './define';
export { formatDiagnostic } from './format';
