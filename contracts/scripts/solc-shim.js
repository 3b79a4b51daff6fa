#!/usr/bin/env node
// Lets forge compile with solc-js. forge wants a native `solc` binary and would download one at
// run time, which fails on machines that reach package registries only; no registry package
// ships a native solc for Linux. forge talks to solc through two calls only, both answered here:
//   solc --version                      -> the version line forge parses
//   solc [--base-path .. --allow-paths ..] --standard-json  (input on stdin, output on stdout)
// forge inlines every source in the standard-JSON input, so no import callback is needed.
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require(path.join(__dirname, '..', 'node_modules', 'solc'));

const args = process.argv.slice(2);
if (args.includes('--version')) {
  // forge reads "Version: X.Y.Z+commit.HASH.PLATFORM"; the platform suffix is informational.
  const version = solc.version().replace('Emscripten.clang', 'Linux.g++');
  process.stdout.write('solc, the solidity compiler commandline interface\nVersion: ' + version + '\n');
  process.exit(0);
}
if (!args.includes('--standard-json')) {
  process.stderr.write('solc-shim supports --version and --standard-json only, got: ' + args.join(' ') + '\n');
  process.exit(2);
}
process.stdout.write(solc.compile(fs.readFileSync(0, 'utf8')));
