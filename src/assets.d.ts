// Files esbuild bundles as text (scripts/build.mjs: loader "text").
declare module '*.html' {
  const text: string;
  export default text;
}
