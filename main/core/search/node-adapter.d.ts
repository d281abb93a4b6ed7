// comlink ships the types of its Node adapter beside the .mjs, under the name TypeScript does not look for.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
