declare const MCP_AUTO_VERSION: string | undefined;

/** Injected by the bundler; read from package.json when run from source (tests under tsx). */
export const VERSION: string = typeof MCP_AUTO_VERSION === 'string' ? MCP_AUTO_VERSION : '0.0.0-dev';
