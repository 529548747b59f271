// esbuild's text loader turns the stylesheet into a string (see widget/build.ts).
declare module '*.css' {
  const css: string;
  export default css;
}
