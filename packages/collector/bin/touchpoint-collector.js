#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli.js (built from src/cli.ts).
import { main } from '../dist/cli.js';

main();
