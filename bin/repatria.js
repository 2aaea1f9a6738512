#!/usr/bin/env node
// The installed command: runs the compiled CLI (built by `npm install` through `prepare`).
import { main } from '../dist/main/cli.js';

process.exitCode = await main(process.argv.slice(2));
