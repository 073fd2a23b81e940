/** One server as a client should see it. */
export interface ManagedEntry {
  name: string;
  /** Streamable HTTP URL. */
  url: string;
  /** Legacy SSE URL. */
  sseUrl: string;
  /** Which one the server's config asks clients to use. */
  client: 'http' | 'sse';
  /** Extra headers, e.g. the bearer token as an env reference. */
  headers?: Record<string, string>;
}

/**
 * How one client reads MCP servers from a project file. The shared merge in
 * merge.ts does the rest: parse, touch only our entries, write atomically.
 */
export interface ClientAdapter {
  /** Name used in the config's `clients` list, e.g. "claude". */
  name: string;
  /** The project file, relative to the root, e.g. ".mcp.json". */
  file: string;
  /** jsonc: comments and trailing commas allowed (VS Code, Gemini CLI); kept on write. */
  format: 'json' | 'jsonc' | 'toml';
  /** Key path of the object that holds the server entries, e.g. ["mcpServers"]. */
  container: string[];
  /** The entry written for one server. */
  entry(server: ManagedEntry): Record<string, unknown>;
  /**
   * Whether the client expands an environment variable named in a header (in
   * its own syntax, which entry() writes). A client that cannot is given no
   * entry under token auth: it would send the reference literally.
   */
  expandsEnv: boolean;
  /** Where this adapter's format comes from: checked with the client's own CLI, or written from its documentation. */
  verified: 'cli' | 'docs';
}
