#!/usr/bin/env node
// The pullcheck CLI; the bundle lives in cli/.
import './cli/index.js';
