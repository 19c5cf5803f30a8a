/** esbuild bundles imported CSS into app.css beside app.js; the import itself yields nothing. */
declare module '*.css';
