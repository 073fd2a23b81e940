#!/usr/bin/env node
// Run after `npm install` changes package-lock.json: see the comment below.
// Adds lock entries for platform packages this registry mirror does not serve
// (other OSes/CPUs): npm ci then skips them by os/cpu as it would anyway.
import { readFileSync, writeFileSync } from 'node:fs';
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(pkgs)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${path}/node_modules/${name}`;
    if (pkgs[key] || pkgs[nested]) continue;
    const os = /darwin/.test(name) ? 'darwin' : /win32|windows/.test(name) ? 'win32' : /linux/.test(name) ? 'linux' : undefined;
    const cpu = /arm64/.test(name) ? 'arm64' : /x64/.test(name) ? 'x64' : undefined;
    if (!os || !cpu) { console.error('cannot place', name); continue; }
    const base = name.startsWith('@') ? name.split('/')[1] : name;
    pkgs[key] = { version, resolved: `https://registry.npmjs.org/${name}/-/${base}-${version}.tgz`, optional: true, os: [os], cpu: [cpu], ...(/musl/.test(name) ? { libc: ['musl'] } : /gnu/.test(name) ? { libc: ['glibc'] } : {}) };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
lock.packages = sorted;
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log('added', added);
