// dist/cli-sources.js: the PDF, HTML and Word extractors and their cache, loaded on first use.
export * from '../../core/sources/index';
export * from '../../core/sources/textCache';
