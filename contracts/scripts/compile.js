#!/usr/bin/env node
// Compiles every contract under a source folder with solc-js (npm `solc`, pinned in package.json)
// and writes <Contract>.abi and <Contract>.bin for each contract defined there; imported libraries
// (OpenZeppelin) are compiled but not written out. Run by the Maven build (exec-maven-plugin) so
// that web3j can generate wrappers from the output.
//
// Usage: node scripts/compile.js <source dir> <output dir>
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');
const settings = require('./solc-settings.json');

const [sourceDir, outDir] = process.argv.slice(2);
if (!sourceDir || !outDir) {
  console.error('usage: compile.js <source dir> <output dir>');
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
const sources = {};
for (const file of fs.readdirSync(sourceDir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[file] = { content: fs.readFileSync(path.join(sourceDir, file), 'utf8') };
}

// Imports such as "@openzeppelin/contracts/..." resolve against node_modules; relative imports
// against the source folder. Nothing is ever fetched.
function findImports(importPath) {
  for (const base of [path.join(root, 'node_modules'), sourceDir]) {
    const candidate = path.join(base, importPath);
    if (fs.existsSync(candidate)) {
      return { contents: fs.readFileSync(candidate, 'utf8') };
    }
  }
  return { error: 'not found: ' + importPath };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    ...settings,
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const started = Date.now();
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
let failed = false;
for (const error of output.errors || []) {
  const text = error.formattedMessage || error.message;
  if (error.severity === 'error') {
    failed = true;
    console.error(text);
  } else {
    console.warn(text);
  }
}
if (failed) {
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
let written = 0;
for (const file of Object.keys(sources)) {
  for (const [name, contract] of Object.entries(output.contracts[file] || {})) {
    fs.writeFileSync(path.join(outDir, name + '.abi'), JSON.stringify(contract.abi));
    fs.writeFileSync(path.join(outDir, name + '.bin'), contract.evm.bytecode.object);
    written++;
  }
}
console.log(
  `solc ${solc.version()}: ${written} contracts from ${Object.keys(sources).length} files ` +
    `in ${((Date.now() - started) / 1000).toFixed(1)} s -> ${outDir}`,
);
